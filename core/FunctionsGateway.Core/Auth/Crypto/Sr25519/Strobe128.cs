namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// The subset of STROBE-128 (Hamburg, "The STROBE protocol framework", v1.0.2, strobe.sourceforge.io)
/// that Merlin transcripts use: meta-AD, AD, PRF and KEY operations over Keccak-f[1600] with rate
/// R = 166 (security 128). Mutable; <see cref="Clone"/> forks the state.
/// </summary>
internal sealed class Strobe128
{
    private const int Rate = 166;
    private const byte FlagI = 1;
    private const byte FlagA = 1 << 1;
    private const byte FlagC = 1 << 2;
    private const byte FlagT = 1 << 3;
    private const byte FlagM = 1 << 4;
    private const byte FlagK = 1 << 5;

    private readonly byte[] _state;
    private int _position;
    private byte _positionBegin;
    private byte _currentFlags;

    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        _state = new byte[200];
        // STROBE §5.1 initialization: [1, R+2, 1, 0, 1, 12*8] ‖ "STROBEv1.0.2", then F.
        ReadOnlySpan<byte> domain = [1, Rate + 2, 1, 0, 1, 96];
        domain.CopyTo(_state);
        "STROBEv1.0.2"u8.CopyTo(_state.AsSpan(6));
        KeccakF1600.Permute(_state);
        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        _state = (byte[])other._state.Clone();
        _position = other._position;
        _positionBegin = other._positionBegin;
        _currentFlags = other._currentFlags;
    }

    public Strobe128 Clone() => new(this);

    public void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagM | FlagA, more);
        Absorb(data);
    }

    public void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA, more);
        Absorb(data);
    }

    public void Prf(Span<byte> destination, bool more)
    {
        BeginOperation(FlagI | FlagA | FlagC, more);
        Squeeze(destination);
    }

    public void Key(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA | FlagC, more);
        Overwrite(data);
    }

    private void RunF()
    {
        _state[_position] ^= _positionBegin;
        _state[_position + 1] ^= 0x04;
        _state[Rate + 1] ^= 0x80;
        KeccakF1600.Permute(_state);
        _position = 0;
        _positionBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_position] ^= b;
            Advance();
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_position] = b;
            Advance();
        }
    }

    private void Squeeze(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = _state[_position];
            _state[_position] = 0;
            Advance();
        }
    }

    private void Advance()
    {
        _position++;
        if (_position == Rate)
        {
            RunF();
        }
    }

    private void BeginOperation(int flags, bool more)
    {
        if (more)
        {
            // A continued operation must keep its flags (STROBE §6.1).
            if (_currentFlags != flags)
            {
                throw new InvalidOperationException("STROBE operation continued with different flags.");
            }

            return;
        }

        if ((flags & FlagT) != 0)
        {
            throw new NotSupportedException("Transport operations are not part of Merlin's STROBE subset.");
        }

        var oldBegin = _positionBegin;
        _positionBegin = (byte)(_position + 1);
        _currentFlags = (byte)flags;
        Absorb([oldBegin, (byte)flags]);

        // Cipher and key operations force a permutation before their data (STROBE §6.2).
        if ((flags & (FlagC | FlagK)) != 0 && _position != 0)
        {
            RunF();
        }
    }
}
