using System.Globalization;
using System.Text.Json;
using GovBot.Features.Conversations;
using GovBot.Features.Notices;
using GovBot.Tests.Cards;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Notices;

public class NoticeFormTests
{
    private static readonly DateOnly Today = new(2024, 3, 6);

    private static NoticeForm Valid() => NoticeForm.Read(JsonDocument.Parse("""
        {"group":"DAG","number":"34","date":"2024-03-13","start":"10:00","end":"12:30","joinUrl":"https://teams.microsoft.com/l/meetup-join/x","agenda":"1. Welcome"}
        """).RootElement);

    [Fact]
    public void ValidForm_GivesDetails_TitleFromGroupAndNumber()
    {
        var (details, errors) = Valid().Validate([CardSamples.Dag], null, Today);
        Assert.Empty(errors);
        Assert.Equal("DAG 34", details!.MeetingTitle);
        Assert.Equal(new TimeOnly(12, 30), details.End);
    }

    [Fact]
    public void PickedMeeting_FillsTheAgendaFromTheRecord_AndMustBelongToTheGroup()
    {
        var (details, _) = (Valid() with { Meeting = "DAG|34", Agenda = null }).Validate([CardSamples.Dag], CardSamples.Dag34, Today);
        Assert.Contains("Minutes and actions", details!.Agenda);
        var (_, errors) = (Valid() with { Group = "DAG", Meeting = "SITAG|" }).Validate([CardSamples.Dag], null, Today);
        Assert.Contains(NoticeForm.MeetingField, errors.Keys);
    }

    [Theory]
    [InlineData("group", "XYZ", "group")]
    [InlineData("number", "34a", "number")]
    [InlineData("date", "13/03/2024", "date")]
    [InlineData("date", "2024-03-05", "date")]
    [InlineData("start", "10h", "start")]
    [InlineData("end", "09:59", "end")]
    [InlineData("joinUrl", "javascript:alert(1)", "joinUrl")]
    [InlineData("papersUrl", "http://example.org/p.pdf", "papersUrl")]
    public void EachBadField_GetsItsOwnMessage(string field, string value, string errorField)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["group"] = "DAG", ["number"] = "34", ["date"] = "2024-03-13", ["start"] = "10:00", ["end"] = "12:30", ["location"] = "Elexon", [field] = value,
        });
        var (details, errors) = NoticeForm.Read(JsonDocument.Parse(json).RootElement).Validate([CardSamples.Dag], null, Today);
        Assert.Null(details);
        Assert.Equal([errorField], errors.Keys);
    }

    [Fact]
    public void JobMessages_RoundTrip_AndGarbageIsRejected()
    {
        var job = new NoticeJob(NoticeJobKind.Update, 12, ["conv|19:abc|def@thread.tacv2", "person|lee-cox"]);
        var decoded = NoticeJob.Decode(job.Encode())!;
        Assert.Equal((job.Kind, job.Notice), (decoded.Kind, decoded.Notice));
        Assert.Equal(job.RecipientKeys, decoded.RecipientKeys);
        Assert.Null(NoticeJob.Decode("send|x\nperson|a"));
        Assert.Null(NoticeJob.Decode("drop|1\nperson|a"));
        Assert.Null(NoticeJob.Decode("send|1"));
        Assert.Equal([16, 16, 8], NoticeJob.For(NoticeJobKind.Send, 1, Enumerable.Range(0, 40).Select(i => $"person|p{i}")).Select(j => j.RecipientKeys.Count));
    }
}

public class NoticeFilesTests
{
    [Fact]
    public void Calendar_IsRfc5545_UtcTimes_EscapedAndFolded_AndCancellationSaysSo()
    {
        var notice = CardSamples.Notice with { Status = NoticeStatus.Sent, Details = CardSamples.Notice.Details with { Location = "Elexon; 350 Euston Road, London", Message = new string('x', 200) } };
        var ics = NoticeFiles.Calendar(notice, new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20240313T100000Z\r\n", ics, StringComparison.Ordinal); // GMT in March
        Assert.Contains("LOCATION:Elexon\\; 350 Euston Road\\, London\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("UID:govbot-notice-3@mhhs-govbot", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var summer = NoticeFiles.Calendar(notice with { Details = notice.Details with { Date = new(2024, 6, 12) } }, default);
        Assert.Contains("DTSTART:20240612T090000Z", summer, StringComparison.Ordinal); // BST
        var cancelled = NoticeFiles.Calendar(notice with { Status = NoticeStatus.Cancelled, Version = 3 }, default);
        Assert.Contains("STATUS:CANCELLED", cancelled, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", cancelled, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportCsv_QuotesAndNeutralisesFormulas()
    {
        var csv = NoticeFiles.ReportCsv(CardSamples.Notice,
            [new Delivery(3, GovBot.Features.Conversations.Recipient.Person("x"), "=HYPERLINK(\"evil\")", DeliveryState.Failed, 2, default, null, null, null, "HTTP 400, bad", 0, 0, default)], []);
        Assert.Contains("\"'=HYPERLINK(\"\"evil\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"HTTP 400, bad\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=cmd|' /C calc'!A0", "\"'\r=cmd|' /C calc'!A0\"")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    public void ReportCsv_NeutralisesEveryLeadingFormulaCharacter(string label, string expectedCell)
    {
        var csv = NoticeFiles.ReportCsv(CardSamples.Notice,
            [new Delivery(3, GovBot.Features.Conversations.Recipient.Person("x"), label, DeliveryState.Failed, 2, default, null, null, null, null, 0, 0, default)], []);
        Assert.Contains("," + expectedCell + ",", csv, StringComparison.Ordinal);
    }
}

public class NoticeLinksTests
{
    private static (NoticeLinks Links, FakeTimeProvider Clock) Create(string? key = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero));
        return (new NoticeLinks(Options.Create(new NoticeOptions { LinkSigningKey = key, PublicBaseUrl = new Uri("https://govbot.example/") }), clock), clock);
    }

    private static (string Path, string Exp, string Sig) Parse(string url)
    {
        var uri = new Uri(url);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return (uri.AbsolutePath, query["exp"]!, query["sig"]!);
    }

    [Fact]
    public void SignedLink_Verifies_UntilItExpires_AndNotForAnotherNoticeOrKey()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var (links, clock) = Create(key);
        var (path, exp, sig) = Parse(links.CalendarUrl(7));
        Assert.Equal("/notices/7/calendar.ics", path);
        Assert.True(links.Verify(path, exp, sig));
        Assert.False(links.Verify(NoticeLinks.CalendarPath(8), exp, sig));
        Assert.False(links.Verify(NoticeLinks.ReportPath(7), exp, sig));
        Assert.False(links.Verify(path, (long.Parse(exp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), sig));
        Assert.False(Create().Links.Verify(path, exp, sig)); // a generated key differs
        clock.Advance(TimeSpan.FromDays(91));
        Assert.False(links.Verify(path, exp, sig));
    }

    [Fact]
    public void ProductionRequiresASigningKey()
    {
        var env = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };
        var result = new NoticeOptionsValidator(env).Validate(null, new NoticeOptions { PublicBaseUrl = new Uri("https://govbot.example/") });
        Assert.Contains("LinkSigningKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new NoticeOptionsValidator(env).Validate(null, new NoticeOptions { PublicBaseUrl = new Uri("https://govbot.example/"), LinkSigningKey = Convert.ToBase64String(new byte[32]) }).Succeeded);
    }
}
