namespace FunctionsGateway.Core.Chains.Substrate;

/// <summary>
/// The hashers of storage map keys, with the variant indices of frame-metadata's <c>StorageHasher</c>
/// (paritytech/frame-metadata <c>v14.rs</c>).
/// </summary>
public enum StorageHasher
{
    Blake2_128 = 0,
    Blake2_256 = 1,
    Blake2_128Concat = 2,
    Twox128 = 3,
    Twox256 = 4,
    Twox64Concat = 5,
    Identity = 6,
}
