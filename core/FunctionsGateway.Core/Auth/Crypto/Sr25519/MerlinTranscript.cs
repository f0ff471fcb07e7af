using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// A Merlin transcript (merlin.cool, "Merlin v1.0" over STROBE-128): labelled messages in, labelled
/// challenges out, plus the transcript-bound witness RNG that schnorrkel uses for signing nonces
/// (merlin.cool "Transcript RNG"). Mutable; <see cref="Clone"/> forks it.
/// </summary>
internal sealed class MerlinTranscript
{
    private readonly Strobe128 _strobe;

    public MerlinTranscript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    private MerlinTranscript(Strobe128 strobe) => _strobe = strobe;

    public MerlinTranscript Clone() => new(_strobe.Clone());

    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)message.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Ad(message, more: false);
    }

    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)destination.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Prf(destination, more: false);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> from a transcript RNG: a fork of this transcript rekeyed with
    /// the witness under <paramref name="label"/>, then with 32 bytes of <paramref name="random"/>
    /// (merlin <c>TranscriptRngBuilder::rekey_with_witness_bytes</c> and <c>finalize</c>). This transcript
    /// is not changed.
    /// </summary>
    public void WitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness, RandomNumberGenerator random, Span<byte> destination)
    {
        var rng = _strobe.Clone();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)witness.Length);
        rng.MetaAd(label, more: false);
        rng.MetaAd(length, more: true);
        rng.Key(witness, more: false);

        Span<byte> entropy = stackalloc byte[32];
        random.GetBytes(entropy);
        rng.MetaAd("rng"u8, more: false);
        rng.Key(entropy, more: false);
        CryptographicOperations.ZeroMemory(entropy);

        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)destination.Length);
        rng.MetaAd(length, more: false);
        rng.Prf(destination, more: false);
    }
}
