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
        LabelWithLength(_strobe, label, message.Length);
        _strobe.Ad(message, more: false);
    }

    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> destination)
    {
        LabelWithLength(_strobe, label, destination.Length);
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
        LabelWithLength(rng, label, witness.Length);
        rng.Key(witness, more: false);

        Span<byte> entropy = stackalloc byte[32];
        random.GetBytes(entropy);
        rng.MetaAd("rng"u8, more: false);
        rng.Key(entropy, more: false);
        CryptographicOperations.ZeroMemory(entropy);

        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)destination.Length);
        rng.MetaAd(length, more: false);
        rng.Prf(destination, more: false);
    }

    /// <summary>Merlin's framing: meta-AD of the label, then (continued) of the data length as u32 LE.</summary>
    private static void LabelWithLength(Strobe128 strobe, ReadOnlySpan<byte> label, int length)
    {
        Span<byte> encoded = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(encoded, (uint)length);
        strobe.MetaAd(label, more: false);
        strobe.MetaAd(encoded, more: true);
    }
}
