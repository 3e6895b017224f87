using System.Globalization;
using System.Text.Json;
using Organisation = KamFlows.Domain.Organisation.Languages;

namespace KamFlows.App.Pages;

/// <summary>The strings of the pages in one language: <c>T["home.title"]</c>, <c>T.Format("layout.signedInAs", email)</c>.</summary>
public sealed class PageText(string language, IReadOnlyDictionary<string, string> strings, IReadOnlyDictionary<string, string> english)
{
    public string Language => language;

    /// <summary>A string missing in this language falls back to English (a test keeps the files complete).</summary>
    public string this[string key] => strings.TryGetValue(key, out var text) ? text : english.TryGetValue(key, out var fallback) ? fallback : key;

    /// <summary>The string of <paramref name="key"/>, or <paramref name="fallback"/> when no language has it (a task kind or outcome the pages do not know yet).</summary>
    public string Or(string key, string fallback) => strings.TryGetValue(key, out var text) ? text : english.TryGetValue(key, out var en) ? en : fallback;

    public string Format(string key, params object?[] values) => string.Format(CultureInfo.GetCultureInfo(language), this[key], values);
}

/// <summary>
/// The page strings of every language KamFlows writes in, read once from the JSON files embedded
/// from <c>Pages/Text/</c> (one per language, the same keys in each).
/// </summary>
public sealed class PageTexts
{
    /// <summary>The languages of the pages, English first (the fallback).</summary>
    public static IReadOnlyList<string> Languages { get; } = [Organisation.English, Organisation.PortugueseBrazil, Organisation.PortuguesePortugal];

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _strings;

    public PageTexts()
    {
        _strings = Languages.ToDictionary(l => l, Load, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, string> Strings(string language) => _strings[language];

    public PageText For(string language) =>
        new(_strings.ContainsKey(language) ? language : Languages[0], _strings.GetValueOrDefault(language) ?? _strings[Languages[0]], _strings[Languages[0]]);

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        var name = $"PageText/{language}.json";
        using var stream = typeof(PageTexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The page strings {name} are not embedded in the app.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The page strings {name} are empty.");
    }
}
