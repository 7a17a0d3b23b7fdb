using GovBot.Features.ChangeRequests;
using GovBot.Features.Meetings;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using GovBot.Bot;
using GovBot.Features.Actions;
using GovBot.Features.Import;
using GovBot.Features.Notices;
using GovBot.Features.Reminders;

namespace GovBot.Tests.Reliability;

/// <summary>How a card action reaches the bot.</summary>
public enum Delivery
{
    /// <summary>An adaptiveCard/action invoke (Action.Execute); answered inline.</summary>
    Execute,
    /// <summary>A message whose value carries the verb (Action.Submit, older clients); answered with a message.</summary>
    Submit,
    /// <summary>An adaptiveCard/action invoke whose value is not the expected shape at all.</summary>
    BrokenInvoke,
}

/// <param name="Data">The action's data as JSON text (parsed afresh for every send).</param>
/// <param name="Invalid">Made invalid on purpose (a broken field, a caller without the power, an unknown verb): nothing may be written.</param>
public sealed record CardCase(string Verb, string Data, string Asker, Delivery Delivery, bool Invalid, string How)
{
    public JsonNode? DataNode() => JsonNode.Parse(Data);

    public override string ToString() => $"{Delivery} '{Fuzz.Show(Verb)}' by {Asker} with {Fuzz.Show(Data)} ({(Invalid ? "invalid: " : "")}{How})";
}

/// <summary>
/// Card payloads: every verb GovBot handles, with its data broken one way (wrong types, missing fields, huge or
/// impossible values, refs and notices that do not exist, garbage ETags), sent by people without the power, or
/// with verbs GovBot never had; and free mixes of all of it.
/// </summary>
public static class CardInputs
{
    public static readonly IReadOnlyList<string> KnownVerbs =
    [
        .. ActionCardHandler.Verbs, MeetingCardActions.ShowVerb, ChangeRequestCardActions.ShowVerb, ListMoreCardAction.Verb, .. ReminderCardActions.Verbs,
        .. FileImportCardActions.Verbs, .. NoticeCardActions.Verbs,
    ];

    /// <summary>Lee Cox owns these (sample data).</summary>
    public static readonly string[] LeesActions = ["DAG33-04", "DAG12-06", "DAG31-08", "DAG32-04"];

    private static readonly string[] Nobody = ["craig-handford", ChatInputs.Stranger];
    private static readonly string[] NotPmo = ["lee-cox", "craig-handford", ChatInputs.Stranger];
    private static readonly string[] Everyone = ["lee-cox", "craig-handford", "priya-patel", ChatInputs.Stranger];

    private static readonly string Huge = new('x', 20_000);

    /// <summary>Values of the wrong type or shape for any field.</summary>
    private static readonly string[] WrongShapes =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e308", "2147483648", "-9223372036854775809", "[]", "[null]", "{}",
        "{\"ref\":\"DAG33-04\"}", "[\"DAG33-04\"]", "\"\"", "\" \"", "\"\\u0000\"", Quote(Huge), Nest(30),
    ];

    private static readonly string[] BadRefs =
    [
        "dag33-04", "DAG33-4", "DAG33-04 ", " DAG33-04", "DAG33\u201404", "DAG33-04\u0000", "' or PartitionKey ne '", "DAG#33-04",
        "DAG33-04/../DAG12-06", "DAG99-99", "ZZ1-01", "CCAG999.99-99", "DAG33-99", "DAG0-00", "ＤＡＧ33-04", "DAG33-04\nDAG12-06",
    ];

    private static readonly string[] GarbageEtags =
    [
        "garbage", "*", "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"", "\"", "W/\"\"", "W/\"datetime'9999-12-31T23%3A59%3A59Z'\"",
        "etag\r\nX-Injected: 1", "\u00FF\u00FE", "W/\"datetime'not-a-date'\"", new string('e', 5000),
    ];

    private static readonly string[] BadTexts = ["", "   ", "\t\n", "\u0000", "\u200B\u200D", "\u0007 \u001B", "\u0301", new string('u', ActionCardHandler.MaxUpdateLength + 1), Huge];

    private static readonly string[] BadDates =
    [
        "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "0000-00-00", "31/02/2024", "10/04/2024", "2024-04-10T00:00:00",
        "2024-4-10", "yesterday", "", "99999-01-01", "-2024-04-10", "2024-04-10; DROP TABLE Actions",
    ];

    private static readonly string[] Queries = [.. ChatInputs.Seeds.Take(25), "", Huge, "' or PartitionKey ne '"];

    private static readonly string[] UnknownVerbs =
    [
        "action.delete", "ACTION.UPDATE", " action.update", "action.update ", "action.", ".", "admin", "notice.sendAll",
        "list.more\u0000", "💥", "__proto__", "constructor", "null", new string('v', 5000), "action.update\naction.close", "import.confirm/../",
    ];

    private static readonly string[] BrokenValues =
        ["\"text\"", "[]", "42", "null", "{}", "{\"action\":\"action.update\"}", "{\"action\":{\"verb\":5}}", "{\"action\":{\"verb\":\"\"}}", "{\"action\":{}}", "{\"verb\":\"action.update\"}"];

    public static Arbitrary<CardCase> Arbitrary() => Arb.From(Gen.Frequency(
        (6, Invalid()),
        (1, UnknownVerb()),
        (1, Broken()),
        (2, Free())));

    // ---- invalid on purpose: one thing broken that the verb's contract rejects ----

    private static Gen<CardCase> Invalid() =>
        from verb in Gen.Elements(KnownVerbs.ToArray())
        from breakage in Breakages(verb)
        from delivery in Gen.Frequency((3, Gen.Constant(Delivery.Execute)), (1, Gen.Constant(Delivery.Submit)))
        select new CardCase(verb, breakage.Data.ToJsonString(), breakage.Asker, delivery, true, breakage.How);

    private sealed record Breakage(JsonObject Data, string Asker, string How);

    private static Gen<Breakage> Breakages(string verb)
    {
        var options = new List<Gen<Breakage>>();
        switch (verb)
        {
            case ActionCards.ShowVerb or ActionCards.UpdateVerb or ActionCards.RecommendCloseVerb or ActionCards.CloseVerb or ActionCards.ReopenVerb or ActionCards.ChangeDueVerb:
                var fields = ActionFields(verb);
                options.Add(from r in Gen.Elements(BadRefs) from who in Gen.Elements(Everyone) select new Breakage(With(fields, "ref", Quote(r)), who, "bad ref"));
                options.Add(from v in Gen.Elements(WrongShapes) from who in Gen.Elements(Everyone) select new Breakage(With(fields, "ref", v), who, "ref of the wrong shape"));
                options.Add(from who in Gen.Elements(Everyone) select new Breakage(Without(fields, "ref"), who, "no ref"));
                if (verb == ActionCards.UpdateVerb)
                {
                    options.Add(from t in Gen.Elements(BadTexts.Select(Quote).Concat(WrongShapes).ToArray()) from who in Gen.Elements(Everyone)
                                select new Breakage(With(fields, ActionCards.UpdateTextInputId, t), who, "bad update text"));
                }
                if (verb == ActionCards.ChangeDueVerb)
                {
                    options.Add(from d in Gen.Elements(BadDates.Select(Quote).Concat(WrongShapes).ToArray())
                                select new Breakage(With(fields, ActionCards.NewDueInputId, d), "priya-patel", "impossible due date"));
                }
                if (verb != ActionCards.ShowVerb)
                {
                    // Lee owns the action, Priya is the PMO: either may have the power; the ETag is what is wrong.
                    // (null and "" read as "no etag": a change to the latest version, which is allowed.)
                    var etags = GarbageEtags.Select(Quote).Concat(WrongShapes.Except(["null", "\"\""])).ToArray();
                    options.Add(from e in Gen.Elements(etags) from who in Gen.Elements("lee-cox", "priya-patel")
                                select new Breakage(With(fields, "etag", e), who, "garbage etag"));
                    var powerless = verb is ActionCards.UpdateVerb or ActionCards.RecommendCloseVerb ? Nobody : NotPmo;
                    options.Add(from who in Gen.Elements(powerless) select new Breakage(fields.DeepClone().AsObject(), who, "caller without the power"));
                }
                break;
            case MeetingCardActions.ShowVerb:
                options.Add(from g in Gen.Elements(WrongShapes.Concat(BadRefs.Select(Quote)).ToArray()) from n in Gen.Elements("\"34\"", "\"999999\"", "34", "\"34.999\"", "null", Quote(Huge))
                            from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["group"] = JsonNode.Parse(g), ["number"] = JsonNode.Parse(n) }, who, "bad meeting"));
                break;
            case ChangeRequestCardActions.ShowVerb:
                options.Add(from id in Gen.Elements(WrongShapes.Concat(["\"CR99999999999\"", "\"CR000\"", "\"cr043\"", "\"CR/043\"", "\"' or ''='\"", "\"CR043#\""]).ToArray())
                            from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["id"] = JsonNode.Parse(id) }, who, "bad change request id"));
                break;
            case ListMoreCardAction.Verb:
                options.Add(from q in Gen.Elements(Queries.Select(Quote).Concat(WrongShapes).ToArray())
                            from p in Gen.Elements("-1", "1001", "\"1\"", "1.5", "2147483648", "null", "[]", "0", "3")
                            from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["query"] = JsonNode.Parse(q), ["page"] = JsonNode.Parse(p) }, who, "bad page or query"));
                break;
            case ReminderCards.SnoozeVerb:
                options.Add(from u in Gen.Elements(WrongShapes.Concat(["\"Tomorrow\"", "\"next week\"", "\"monday \""]).ToArray()) from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["until"] = JsonNode.Parse(u), ["items"] = new JsonArray("action:DAG33-04") }, who, "bad snooze day"));
                options.Add(from i in Gen.Elements(WrongShapes.Concat(["[\"garbage\"]", "[123]", "[\"action:' or ''='\"]", "[\"checklist:2024\"]", $"[{string.Join(',', Enumerable.Range(1, 51).Select(n => $"\"action:DAG33-{n:00}\""))}]"]).ToArray())
                            from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["until"] = "tomorrow", ["items"] = JsonNode.Parse(i) }, who, "bad snooze items"));
                options.Add(Gen.Constant(new Breakage(new JsonObject { ["until"] = "monday", ["items"] = new JsonArray("action:DAG33-04") }, ChatInputs.Stranger, "snooze by someone not in the directory")));
                break;
            case FileImportCards.ConfirmVerb or FileImportCards.CancelVerb:
                options.Add(from id in Gen.Elements(WrongShapes.Concat(["\"0123456789abcdef0123456789abcde\"", "\"0123456789ABCDEF0123456789ABCDEF\"", "\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"", "\"0123456789abcdef0123456789abcdef\"", "\"ffffffffffffffffffffffffffffffff\""]).ToArray())
                            from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["pendingId"] = JsonNode.Parse(id) }, who, "bad or unknown pending import"));
                break;
            case NoticeCards.ComposeVerb:
                options.Add(from d in Gen.Elements(BadDates.Select(Quote).Concat(WrongShapes).ToArray())
                            select new Breakage(With(NoticeFormData(), NoticeForm.DateField, d), "priya-patel", "notice form with an impossible date"));
                options.Add(from who in Gen.Elements(NotPmo) select new Breakage(NoticeFormData(), who, "notice composed by someone not in the PMO"));
                break;
            case NoticeCards.PrefillVerb:
                options.Add(from m in Gen.Elements(WrongShapes.Concat(["\"DAG|9999\"", "\"DAG\"", "\"|\"", "\"DAG|34|35\"", "\"' or ''='|34\"", "\"DAG/|34\"", "\"#|?\""]).ToArray())
                            from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { [NoticeForm.MeetingField] = JsonNode.Parse(m) }, who, "bad meeting to prefill from"));
                break;
            default: // the notice verbs that act on a notice by number
                options.Add(from n in Gen.Elements(WrongShapes.Concat(["\"1\"", "99999", "-1", "0", "1.0"]).ToArray()) from who in Gen.Elements(Everyone)
                            select new Breakage(new JsonObject { ["notice"] = JsonNode.Parse(n), ["reason"] = "fuzz" }, who, "no such notice"));
                break;
        }
        return Gen.OneOf(options);
    }

    private static JsonObject ActionFields(string verb)
    {
        var data = new JsonObject { ["ref"] = LeesActions[0] };
        if (verb == ActionCards.UpdateVerb) data[ActionCards.UpdateTextInputId] = "Progress: the supplier confirmed.";
        if (verb == ActionCards.ChangeDueVerb) data[ActionCards.NewDueInputId] = "2024-04-10";
        return data;
    }

    private static JsonObject NoticeFormData() => new()
    {
        [NoticeForm.GroupField] = "DAG",
        [NoticeForm.MeetingField] = "DAG|34",
        [NoticeForm.DateField] = "2024-03-13",
        [NoticeForm.StartField] = "10:00",
        [NoticeForm.EndField] = "12:30",
        [NoticeForm.LocationField] = "Elexon, London",
        [NoticeForm.MessageField] = "Papers are published.",
    };

    // ---- verbs GovBot never had, and invokes that are not card actions at all ----

    private static Gen<CardCase> UnknownVerb() =>
        from verb in Gen.Elements(UnknownVerbs)
        from data in AnyData()
        from who in Gen.Elements(Everyone)
        from delivery in Gen.Elements(Delivery.Execute, Delivery.Submit)
        select new CardCase(verb, data.ToJsonString(), who, delivery, true, "unknown verb");

    private static Gen<CardCase> Broken() =>
        from value in Gen.Elements(BrokenValues)
        from who in Gen.Elements(Everyone)
        select new CardCase("", value, who, Delivery.BrokenInvoke, true, "invoke value of the wrong shape");

    // ---- free mixes: anything may happen, but never a server error ----

    private static Gen<CardCase> Free() =>
        from verb in Gen.Elements(KnownVerbs.ToArray())
        from data in AnyData()
        from who in Gen.Elements(Everyone)
        from delivery in Gen.Frequency((3, Gen.Constant(Delivery.Execute)), (1, Gen.Constant(Delivery.Submit)))
        select new CardCase(verb, data.ToJsonString(), who, delivery, false, "free mix");

    private static readonly string[] FieldNames =
    [
        "ref", ActionCards.UpdateTextInputId, ActionCards.NewDueInputId, "etag", "group", "number", "id", "query", "page", "until", "items",
        "pendingId", "notice", "reason", NoticeForm.MeetingField, NoticeForm.DateField, NoticeForm.StartField, NoticeForm.EndField,
        NoticeForm.LocationField, NoticeForm.JoinUrlField, NoticeForm.TitleField, NoticeForm.AgendaField, NoticeForm.PapersUrlField,
        NoticeForm.MessageField, "isPmo", "owner", "verb", "msteams", "", "__proto__",
    ];

    private static readonly string[] AnyValues =
    [
        .. WrongShapes, .. LeesActions.Select(Quote), .. BadRefs.Select(Quote), .. GarbageEtags.Select(Quote), .. BadDates.Select(Quote),
        "\"2024-04-10\"", "\"tomorrow\"", "\"monday\"", "[\"action:DAG33-04\"]", "\"DAG\"", "\"34\"", "\"CR043\"", "\"DAG|34\"",
        "\"10:00\"", "\"25:99\"", "\"https://example.com/x\"", "\"javascript:alert(1)\"", "1", "2", "\"my open actions\"",
    ];

    private static Gen<JsonObject> AnyData() =>
        from count in Gen.Choose(0, 6)
        from names in Gen.ArrayOf(Gen.Elements(FieldNames), count)
        from values in Gen.ArrayOf(Gen.Elements(AnyValues), count)
        select Build(names, values);

    private static JsonObject Build(string[] names, string[] values)
    {
        var data = new JsonObject();
        for (var i = 0; i < names.Length; i++) data[names[i]] = JsonNode.Parse(values[i]);
        return data;
    }

    private static JsonObject With(JsonObject data, string name, string json)
    {
        var copy = data.DeepClone().AsObject();
        copy[name] = JsonNode.Parse(json);
        return copy;
    }

    private static JsonObject Without(JsonObject data, string name)
    {
        var copy = data.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\":[", depth)) + "1" + string.Concat(Enumerable.Repeat("]}", depth));
}
