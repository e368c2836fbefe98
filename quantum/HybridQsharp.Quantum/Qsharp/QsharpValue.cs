using System.Globalization;
using System.Text;

namespace HybridQsharp.Quantum.Qsharp;

/// <summary>
/// A value as the Q# runtime prints it (<see cref="QsharpShot.Result"/>): a tuple "(a, b)", an
/// array "[a, b]", or an atom (an Int, Double, Bool, Pauli, Result or string literal, as text).
/// Structs print as tuples of their fields in declaration order.
/// </summary>
public sealed record QsharpValue(QsharpValueKind Kind, string Text, IReadOnlyList<QsharpValue> Items)
{
    public long AsInt() =>
        Kind == QsharpValueKind.Atom && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{this}' is not an Int.");

    public double AsDouble() =>
        Kind == QsharpValueKind.Atom && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{this}' is not a Double.");

    /// <summary>Parses the printed form of a Q# value.</summary>
    /// <exception cref="FormatException">The text is not a printed Q# value.</exception>
    public static QsharpValue Parse(string text)
    {
        var position = 0;
        var value = ParseValue(text, ref position);
        SkipSpace(text, ref position);
        return position == text.Length ? value : throw new FormatException($"Unexpected '{text[position..]}' after a Q# value in '{text}'.");
    }

    public override string ToString() => Kind switch
    {
        QsharpValueKind.Tuple => $"({string.Join(", ", Items)})",
        QsharpValueKind.Array => $"[{string.Join(", ", Items)}]",
        _ => Text,
    };

    private static QsharpValue ParseValue(string text, ref int position)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            throw new FormatException($"A Q# value ends early: '{text}'.");
        }

        return text[position] switch
        {
            '(' => Composite(QsharpValueKind.Tuple, ')', text, ref position),
            '[' => Composite(QsharpValueKind.Array, ']', text, ref position),
            '"' => StringLiteral(text, ref position),
            _ => Atom(text, ref position),
        };
    }

    private static QsharpValue Composite(QsharpValueKind kind, char close, string text, ref int position)
    {
        position++;
        var items = new List<QsharpValue>();
        SkipSpace(text, ref position);
        if (position < text.Length && text[position] == close)
        {
            position++;
            return new QsharpValue(kind, "", items);
        }

        while (true)
        {
            items.Add(ParseValue(text, ref position));
            SkipSpace(text, ref position);
            if (position >= text.Length)
            {
                throw new FormatException($"A Q# value ends early: '{text}'.");
            }

            var c = text[position++];
            if (c == close)
            {
                return new QsharpValue(kind, "", items);
            }

            if (c != ',')
            {
                throw new FormatException($"Expected ',' or '{close}' at {position - 1} in '{text}'.");
            }
        }
    }

    private static QsharpValue StringLiteral(string text, ref int position)
    {
        var builder = new StringBuilder();
        position++;
        while (position < text.Length && text[position] != '"')
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            builder.Append(text[position++]);
        }

        if (position >= text.Length)
        {
            throw new FormatException($"Unterminated string in '{text}'.");
        }

        position++;
        return new QsharpValue(QsharpValueKind.Atom, builder.ToString(), []);
    }

    private static QsharpValue Atom(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (',' or ')' or ']' or '(' or '[') && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position == start)
        {
            throw new FormatException($"Unexpected '{text[position]}' at {position} in '{text}'.");
        }

        return new QsharpValue(QsharpValueKind.Atom, text[start..position], []);
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
