using System.Globalization;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>Reads ABI type names and parameter lists from human-readable signatures.</summary>
internal sealed class AbiSignatureReader(string text)
{
    private int _position;

    public bool AtEnd => _position >= text.Length;

    public char Peek => _position < text.Length ? text[_position] : '\0';

    public AbiType ReadType()
    {
        SkipSpaces();
        AbiType type;
        if (Peek == '(' || string.CompareOrdinal(text, _position, "tuple(", 0, 6) == 0)
        {
            if (Peek == 't')
            {
                _position += 5;
            }

            var (components, names) = ReadParameterList();
            type = AbiType.TupleOf(components, names);
        }
        else
        {
            type = AbiType.Elementary(ReadWord());
        }

        while (Peek == '[')
        {
            _position++;
            var start = _position;
            while (char.IsAsciiDigit(Peek))
            {
                _position++;
            }

            int? length = _position == start ? null : int.Parse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture);
            Expect(']');
            type = AbiType.Array(type, length);
        }

        return type;
    }

    /// <summary>Reads <c>(type [name], …)</c>, skipping data-location and <c>indexed</c> keywords.</summary>
    public (List<AbiType> Types, List<string> Names) ReadParameterList()
    {
        SkipSpaces();
        Expect('(');
        var types = new List<AbiType>();
        var names = new List<string>();
        SkipSpaces();
        if (Peek == ')')
        {
            _position++;
            return (types, names);
        }

        while (true)
        {
            types.Add(ReadType());
            var name = string.Empty;
            SkipSpaces();
            while (char.IsAsciiLetter(Peek) || Peek == '_' || Peek == '$')
            {
                var word = ReadWord();
                if (word is not ("memory" or "calldata" or "storage" or "indexed" or "payable"))
                {
                    name = word;
                }

                SkipSpaces();
            }

            names.Add(name);
            if (Peek == ',')
            {
                _position++;
                continue;
            }

            Expect(')');
            return (types, names);
        }
    }

    public string ReadWord()
    {
        SkipSpaces();
        var start = _position;
        while (char.IsAsciiLetterOrDigit(Peek) || Peek == '_' || Peek == '$')
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error("a name");
    }

    public void SkipSpaces()
    {
        while (Peek == ' ')
        {
            _position++;
        }
    }

    public void Expect(char c)
    {
        SkipSpaces();
        if (Peek != c)
        {
            throw Error($"'{c}'");
        }

        _position++;
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Error("the end");
        }
    }

    private FormatException Error(string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Expected {expected} at position {_position} of '{text}'."));
}
