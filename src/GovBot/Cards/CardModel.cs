using System.Text.Json.Nodes;

namespace GovBot.Cards;

// A small typed model of the Adaptive Card 1.5 subset GovBot sends to Teams. Each record writes its own JSON,
// omitting unset properties, so the wire shape is visible next to the type.

/// <summary>The card root. Always version 1.5 (Teams' ceiling, and required for Action.Execute).</summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body, IReadOnlyList<CardButton>? Actions = null)
{
    public const string Version = "1.5";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Teams "msteams.width": "Full" for wide content such as tables.</summary>
    public bool FullWidth { get; init; }

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = Json.Array(Body.Select(e => e.ToJson())),
        };
        if (Actions is { Count: > 0 }) o["actions"] = Json.Array(Actions.Select(a => a.ToJson()));
        if (FullWidth) o["msteams"] = new JsonObject { ["width"] = "Full" };
        return o;
    }
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }
public enum TextSize { Small, Default, Medium, Large, ExtraLarge }
public enum TextWeight { Lighter, Default, Bolder }
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

/// <summary>A body element. Id, spacing and separator are common to all.</summary>
public abstract record CardElement
{
    public string? Id { get; init; }
    public Spacing? Spacing { get; init; }
    public bool Separator { get; init; }

    public abstract JsonObject ToJson();

    protected JsonObject Base(string type)
    {
        var o = new JsonObject { ["type"] = type };
        if (Id is not null) o["id"] = Id;
        if (Spacing is { } s) o["spacing"] = Json.Enum(s);
        if (Separator) o["separator"] = true;
        return o;
    }
}

/// <summary>Text in the Teams markdown subset: **bold**, _italic_, lists, [links](https://…). Wraps by default.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool IsSubtle { get; init; }
    public bool Wrap { get; init; } = true;
    public int? MaxLines { get; init; }
    /// <summary>"heading" for card titles (1.5 style; older clients ignore it).</summary>
    public bool Heading { get; init; }

    public override JsonObject ToJson()
    {
        var o = Base("TextBlock");
        o["text"] = Text;
        if (Wrap) o["wrap"] = true;
        if (Heading) o["style"] = "heading";
        if (Size is { } s) o["size"] = Json.Enum(s);
        if (Weight is { } w) o["weight"] = Json.Enum(w);
        if (Color is { } c) o["color"] = Json.Enum(c);
        if (IsSubtle) o["isSubtle"] = true;
        if (MaxLines is { } m) o["maxLines"] = m;
        return o;
    }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    public override JsonObject ToJson()
    {
        var o = Base("FactSet");
        o["facts"] = Json.Array(Facts.Select(f => new JsonObject { ["title"] = f.Title, ["value"] = f.Value }));
        return o;
    }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public CardButton? SelectAction { get; init; }

    public override JsonObject ToJson()
    {
        var o = Base("Container");
        o["items"] = Json.Array(Items.Select(i => i.ToJson()));
        if (Style is { } s) o["style"] = Json.Enum(s);
        if (SelectAction is not null) o["selectAction"] = SelectAction.ToJson();
        return o;
    }
}

/// <summary>A column; Width is "auto", "stretch" or a relative weight such as "2".</summary>
public sealed record Column(IReadOnlyList<CardElement> Items, string Width = "stretch")
{
    public JsonObject ToJson() => new()
    {
        ["type"] = "Column",
        ["width"] = int.TryParse(Width, out var n) ? n : Width,
        ["items"] = Json.Array(Items.Select(i => i.ToJson())),
    };
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public override JsonObject ToJson()
    {
        var o = Base("ColumnSet");
        o["columns"] = Json.Array(Columns.Select(c => c.ToJson()));
        return o;
    }
}

/// <summary>A 1.5 Table. Rows are lists of cells; each cell is plain or markdown text.</summary>
public sealed record Table(IReadOnlyList<int> ColumnWidths, IReadOnlyList<IReadOnlyList<string>> Rows) : CardElement
{
    public bool FirstRowAsHeader { get; init; } = true;
    public bool ShowGridLines { get; init; } = true;

    public override JsonObject ToJson()
    {
        var o = Base("Table");
        o["columns"] = Json.Array(ColumnWidths.Select(w => new JsonObject { ["width"] = w }));
        o["rows"] = Json.Array(Rows.Select((row, r) => new JsonObject
        {
            ["type"] = "TableRow",
            ["cells"] = Json.Array(row.Select(cell => new JsonObject
            {
                ["type"] = "TableCell",
                ["items"] = new JsonArray(new TextBlock(cell) { Weight = r == 0 && FirstRowAsHeader ? TextWeight.Bolder : null }.ToJson()),
            })),
        }));
        o["firstRowAsHeader"] = FirstRowAsHeader;
        o["showGridLines"] = ShowGridLines;
        return o;
    }
}

public sealed record ActionSet(IReadOnlyList<CardButton> Actions) : CardElement
{
    public override JsonObject ToJson()
    {
        var o = Base("ActionSet");
        o["actions"] = Json.Array(Actions.Select(a => a.ToJson()));
        return o;
    }
}

/// <summary>A text input. Validation (isRequired, regex) is a hint only: the server re-validates.</summary>
public sealed record InputText(string InputId, string Label) : CardElement
{
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public string? Placeholder { get; init; }
    public bool IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    /// <summary>A regular expression the client checks before submitting (a hint; the server re-validates).</summary>
    public string? Regex { get; init; }

    public override JsonObject ToJson()
    {
        var o = Base("Input.Text");
        o["id"] = InputId;
        o["label"] = Label;
        if (IsRequired) o["isRequired"] = true;
        if (ErrorMessage is not null) o["errorMessage"] = ErrorMessage;
        if (Placeholder is not null) o["placeholder"] = Placeholder;
        if (IsMultiline) o["isMultiline"] = true;
        if (MaxLength is { } m) o["maxLength"] = m;
        if (Value is not null) o["value"] = Value;
        if (Regex is not null) o["regex"] = Regex;
        return o;
    }
}

/// <summary>A time input; values travel as HH:mm.</summary>
public sealed record InputTime(string InputId, string Label) : CardElement
{
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public TimeOnly? Value { get; init; }

    public override JsonObject ToJson()
    {
        var o = Base("Input.Time");
        o["id"] = InputId;
        o["label"] = Label;
        if (IsRequired) o["isRequired"] = true;
        if (ErrorMessage is not null) o["errorMessage"] = ErrorMessage;
        if (Value is { } v) o["value"] = v.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return o;
    }
}

/// <summary>A drop-down (compact) choice of one value.</summary>
public sealed record InputChoiceSet(string InputId, string Label, IReadOnlyList<(string Title, string Value)> Choices) : CardElement
{
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public string? Value { get; init; }
    public string? Placeholder { get; init; }

    public override JsonObject ToJson()
    {
        var o = Base("Input.ChoiceSet");
        o["id"] = InputId;
        o["label"] = Label;
        o["style"] = "compact";
        o["choices"] = Json.Array(Choices.Select(c => new JsonObject { ["title"] = c.Title, ["value"] = c.Value }));
        if (IsRequired) o["isRequired"] = true;
        if (ErrorMessage is not null) o["errorMessage"] = ErrorMessage;
        if (Placeholder is not null) o["placeholder"] = Placeholder;
        if (Value is not null) o["value"] = Value;
        return o;
    }
}

/// <summary>A date input; values travel as yyyy-MM-dd.</summary>
public sealed record InputDate(string InputId, string Label) : CardElement
{
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public DateOnly? Value { get; init; }
    public DateOnly? Min { get; init; }

    public override JsonObject ToJson()
    {
        var o = Base("Input.Date");
        o["id"] = InputId;
        o["label"] = Label;
        if (IsRequired) o["isRequired"] = true;
        if (ErrorMessage is not null) o["errorMessage"] = ErrorMessage;
        if (Value is { } v) o["value"] = Json.Date(v);
        if (Min is { } m) o["min"] = Json.Date(m);
        return o;
    }
}

/// <summary>An action: a button on the card or in an ActionSet.</summary>
public abstract record CardButton(string Title)
{
    public string? Id { get; init; }
    public abstract JsonObject ToJson();

    protected JsonObject Base(string type)
    {
        var o = new JsonObject { ["type"] = type, ["title"] = Title };
        if (Id is not null) o["id"] = Id;
        return o;
    }
}

/// <summary>Universal Action: Teams sends an adaptiveCard/action invoke with the verb, the data and the card's inputs.</summary>
public sealed record ActionExecute(string Title, string Verb, JsonObject? Data = null) : CardButton(Title)
{
    public override JsonObject ToJson()
    {
        var o = Base("Action.Execute");
        o["verb"] = Verb;
        if (Data is not null) o["data"] = Data.DeepClone();
        return o;
    }
}

/// <summary>A Submit button; with <see cref="ImBack"/> it posts the text as if the user had typed it.</summary>
public sealed record ActionSubmit(string Title, JsonObject? Data = null) : CardButton(Title)
{
    /// <summary>A button that sends <paramref name="text"/> as the user's own message.</summary>
    public static ActionSubmit ImBack(string title, string text) =>
        new(title, new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } });

    public override JsonObject ToJson()
    {
        var o = Base("Action.Submit");
        if (Data is not null) o["data"] = Data.DeepClone();
        return o;
    }
}

public sealed record ActionOpenUrl(string Title, string Url) : CardButton(Title)
{
    public override JsonObject ToJson()
    {
        var o = Base("Action.OpenUrl");
        o["url"] = Url;
        return o;
    }
}

/// <summary>Reveals a nested card, e.g. a small form; its own actions submit its inputs.</summary>
public sealed record ActionShowCard(string Title, AdaptiveCard Card) : CardButton(Title)
{
    public override JsonObject ToJson()
    {
        var o = Base("Action.ShowCard");
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = Json.Array(Card.Body.Select(e => e.ToJson())),
        };
        if (Card.Actions is { Count: > 0 }) card["actions"] = Json.Array(Card.Actions.Select(a => a.ToJson()));
        o["card"] = card;
        return o;
    }
}

internal static class Json
{
    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    /// <summary>The camel-case name Adaptive Cards use ("bolder", "extraLarge"), from a table built once per enum.</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum =>
        EnumNames<T>.Names.TryGetValue(value, out var name) ? name : CamelCase(value.ToString());

    private static string CamelCase(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    // Formatting an enum allocates and is slow; cards write a few of these per element on every turn.
    private static class EnumNames<T> where T : struct, System.Enum
    {
        public static readonly System.Collections.Frozen.FrozenDictionary<T, string> Names =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(System.Enum.GetValues<T>().Distinct(), v => v, v => CamelCase(v.ToString()));
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
