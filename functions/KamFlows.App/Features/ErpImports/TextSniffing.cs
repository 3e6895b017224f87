using System.Text;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// What a CSV file does not say about itself, found from its first bytes: the encoding (a byte order
/// mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252, what Brazilian and Portuguese
/// ERPs on Windows write) and the delimiter (the one of ; , tab | that the header line uses most, outside quotes).
/// </summary>
public static class TextSniffing
{
    public const string Utf8 = "utf-8";
    public const string Windows1252 = "windows-1252";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextSniffing() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<char> Delimiters { get; } = [';', ',', '\t', '|'];

    public static Encoding EncodingOf(string name) => name switch
    {
        Utf8 => new UTF8Encoding(false),
        Windows1252 => Encoding.GetEncoding(1252),
        "utf-16" => Encoding.Unicode,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an encoding of ERP exports"),
    };

    /// <summary>The encoding's name (utf-8, windows-1252, utf-16) and the length of its byte order mark in <paramref name="head"/>.</summary>
    public static (string Name, int BomLength) DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ("utf-16", 2);
        }

        // The head may end in the middle of a character: leave up to three trailing bytes out of the check.
        var check = head;
        for (var back = 1; back <= Math.Min(3, head.Length); back++)
        {
            if ((head[^back] & 0xC0) == 0xC0)
            {
                check = head[..^back];
                break;
            }

            if ((head[^back] & 0x80) == 0)
            {
                break;
            }
        }

        try
        {
            StrictUtf8.GetCharCount(check);
            return (Utf8, 0);
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252, 0);
        }
    }

    /// <summary>The delimiter the first line of <paramref name="text"/> uses most (outside quotes); ';' when it has none.</summary>
    public static char Delimiter(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Delimiters.Count];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                for (var i = 0; i < Delimiters.Count; i++)
                {
                    if (c == Delimiters[i])
                    {
                        counts[i]++;
                    }
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Delimiters[best];
    }
}
