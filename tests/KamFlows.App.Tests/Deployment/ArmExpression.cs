using System.Text;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// Just enough of the ARM template expression language to read app setting names: function calls,
/// string literals, and everything else kept as source text (numbers, <c>.property</c> and
/// <c>[index]</c> access, which turn a call into <see cref="Other"/>).
/// </summary>
internal static class ArmExpression
{
    public abstract record Node(string Source);

    public sealed record Call(string Name, IReadOnlyList<Node> Arguments, string Source) : Node(Source);

    public sealed record Text(string Value, string Source) : Node(Source);

    public sealed record Other(string Source) : Node(Source);

    /// <summary>Parses an expression without its enclosing brackets, e.g. <c>union(parameters('a'), createObject('b', 1))</c>.</summary>
    public static Node Parse(string expression)
    {
        var position = 0;
        var node = ParseExpression(expression, ref position);
        SkipSpaces(expression, ref position);
        return position == expression.Length ? node : throw new FormatException($"Unexpected '{expression[position..]}' in '{expression}'.");
    }

    private static Node ParseExpression(string s, ref int i)
    {
        SkipSpaces(s, ref i);
        var start = i;
        Node node;
        if (i < s.Length && s[i] == '\'')
        {
            var value = new StringBuilder();
            i++;
            while (true)
            {
                if (i >= s.Length) throw new FormatException($"Unterminated string in '{s}'.");
                if (s[i] == '\'' && i + 1 < s.Length && s[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                if (s[i] == '\'') { i++; break; }
                value.Append(s[i++]);
            }

            node = new Text(value.ToString(), s[start..i]);
        }
        else
        {
            // A function name, true/false/null, or an integer (maybe negative).
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || (s[i] == '-' && i == start))) i++;
            var name = s[start..i];
            if (name.Length == 0) throw new FormatException($"Unexpected '{s[i..]}' in '{s}'.");
            SkipSpaces(s, ref i);
            if (i < s.Length && s[i] == '(')
            {
                i++;
                var arguments = new List<Node>();
                SkipSpaces(s, ref i);
                while (i < s.Length && s[i] != ')')
                {
                    arguments.Add(ParseExpression(s, ref i));
                    SkipSpaces(s, ref i);
                    if (i < s.Length && s[i] == ',') i++;
                }

                if (i >= s.Length) throw new FormatException($"Unclosed call in '{s}'.");
                i++;
                node = new Call(name, arguments, s[start..i]);
            }
            else
            {
                node = new Other(name);
            }
        }

        // Property and index access: the value is no longer the call's own result.
        var accessed = false;
        while (i < s.Length && (s[i] == '.' || s[i] == '['))
        {
            accessed = true;
            if (s[i] == '.')
            {
                i++;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++;
            }
            else
            {
                i++;
                _ = ParseExpression(s, ref i);
                SkipSpaces(s, ref i);
                if (i >= s.Length || s[i] != ']') throw new FormatException($"Unclosed index in '{s}'.");
                i++;
            }
        }

        return accessed ? new Other(s[start..i]) : node;
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
    }
}
