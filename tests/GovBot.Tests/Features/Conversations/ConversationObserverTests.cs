using GovBot.Connector;
using GovBot.People;
using GovBot.Features.Conversations;
using GovBot.Features.Reminders;
using GovBot.Storage;
using GovBot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Tests.Features.Conversations;

public sealed class ConversationObserverTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string Oid = "00000000-0000-0000-0000-0000000000a1";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 4, 18, 10, 0, 0, TimeSpan.Zero));

    private (ConversationObserver Observer, ConversationReferenceStore Refs, SubscriptionStore Subs) Create()
    {
        var refs = new ConversationReferenceStore(Tables, _clock);
        var subs = new SubscriptionStore(Tables, _clock);
        return (new ConversationObserver(refs, subs, new PersonStore(Tables), NullLogger<ConversationObserver>.Instance), refs, subs);
    }

    private static Activity Personal(string type, string? action = null, bool botAdded = false, bool botRemoved = false) => new()
    {
        Type = type,
        Action = action,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ChannelId = "msteams",
        From = new ChannelAccount("29:lee", "Lee Cox", Oid),
        Recipient = new ChannelAccount("28:bot", "GovBot"),
        Conversation = new ConversationAccount("a:personal-lee", "personal", "tenant"),
        MembersAdded = botAdded ? [new ChannelAccount("28:bot")] : null,
        MembersRemoved = botRemoved ? [new ChannelAccount("28:bot")] : null,
    };

    [Fact]
    public async Task PersonalInstall_StoresTheReference_AndSubscribes_UninstallForgetsIt()
    {
        await new PersonStore(Tables).UpsertAsync(new Person("lee-cox", Oid, "Lee Cox", "lee.cox@mhhs.example", null, []), Ct);
        var (observer, refs, subs) = Create();
        var lee = Recipient.Person("lee-cox");

        await observer.OnActivityAsync(Personal(ActivityTypes.InstallationUpdate, "add"), Ct);

        var stored = await refs.GetAsync(lee, Ct);
        Assert.Equal("a:personal-lee", stored!.Reference.Conversation.Id);
        Assert.Equal([SubscriptionTargets.Actions, SubscriptionTargets.Checklist], (await subs.ListForAsync(lee, Ct)).Select(s => s.Target));

        // A 403 marks it unreachable; the next message proves it works again.
        await refs.MarkUnreachableAsync(lee, "HTTP 403", Ct);
        Assert.False((await refs.GetAsync(lee, Ct))!.IsReachable);
        await observer.OnActivityAsync(Personal(ActivityTypes.Message), Ct);
        Assert.True((await refs.GetAsync(lee, Ct))!.IsReachable);

        await observer.OnActivityAsync(Personal(ActivityTypes.InstallationUpdate, "remove"), Ct);
        Assert.Null(await refs.GetAsync(lee, Ct));
    }

    [Fact]
    public async Task NextMessages_InTheSameChat_WriteNothing_AndReadNothingWhileConfirmed()
    {
        await new PersonStore(Tables).UpsertAsync(new Person("lee-cox", Oid, "Lee Cox", "lee.cox@mhhs.example", null, []), Ct);
        var (observer, refs, _) = Create();
        await observer.OnActivityAsync(Personal(ActivityTypes.Message), Ct);
        var first = await refs.GetAsync(Recipient.Person("lee-cox"), Ct);
        Requests.Clear();

        // A Teams personal chat is one stable conversation: its next message costs no storage request at all.
        await observer.OnActivityAsync(Personal(ActivityTypes.Message), Ct);
        Assert.Empty(Requests.All);

        // Once the confirmation lapses, the reference is read again but, unchanged, not written.
        _clock.Advance(ConfirmedConversations.Lifetime + TimeSpan.FromMinutes(1));
        await observer.OnActivityAsync(Personal(ActivityTypes.Message), Ct);
        var conversationRefs = Requests.To(Prefix + TableNames.ConversationRefs);
        Assert.NotEmpty(conversationRefs);
        Assert.All(conversationRefs, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Equal(first!.UpdatedAt, (await refs.GetAsync(Recipient.Person("lee-cox"), Ct))!.UpdatedAt);
    }

    [Fact]
    public async Task ChannelMessage_StoresTheChannelRoot_WithoutMessageId()
    {
        var (observer, refs, subs) = Create();
        var activity = Personal(ActivityTypes.Message) with
        {
            Conversation = new ConversationAccount("19:dag@thread.tacv2;messageid=1712345", "channel", "tenant", true),
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo("19:dag@thread.tacv2", "DAG general") },
        };

        await observer.OnActivityAsync(activity, Ct);

        var stored = await refs.GetAsync(Recipient.Conversation("19:dag@thread.tacv2"), Ct);
        Assert.Equal("19:dag@thread.tacv2", stored!.Reference.Conversation.Id);
        Assert.Equal("DAG general", stored.Reference.Conversation.Name);
        Assert.Empty(await subs.ListForAsync(stored.Recipient, Ct)); // channels subscribe explicitly
    }

    [Fact]
    public async Task PersonalInstall_BySomeoneUnknown_GetsProgrammeWideChecklistReminders()
    {
        var (observer, refs, subs) = Create();
        var chat = Recipient.Conversation("a:personal-lee");

        await observer.OnActivityAsync(Personal(ActivityTypes.ConversationUpdate, botAdded: true), Ct);

        Assert.Equal("a:personal-lee", (await refs.GetAsync(chat, Ct))!.Reference.Conversation.Id);
        Assert.Equal([SubscriptionTargets.Checklist], (await subs.ListForAsync(chat, Ct)).Select(s => s.Target));
        Assert.Contains(await subs.ListAllAsync(Ct), s => s.Recipient == chat && s.Target == SubscriptionTargets.Checklist);
    }

    [Fact]
    public async Task UnknownInstaller_OnceInTheDirectory_MovesToTheirPerson_WithActionReminders()
    {
        var (observer, _, _) = Create();
        await observer.OnActivityAsync(Personal(ActivityTypes.ConversationUpdate, botAdded: true), Ct);

        await new PersonStore(Tables).UpsertAsync(new Person("lee-cox", Oid, "Lee Cox", "lee.cox@mhhs.example", null, []), Ct);
        var (later, refs, subs) = Create(); // a new process: nothing confirmed yet
        await later.OnActivityAsync(Personal(ActivityTypes.Message), Ct);

        var lee = Recipient.Person("lee-cox");
        var chat = Recipient.Conversation("a:personal-lee");
        Assert.Equal([SubscriptionTargets.Actions, SubscriptionTargets.Checklist], (await subs.ListForAsync(lee, Ct)).Select(s => s.Target));
        Assert.Empty(await subs.ListForAsync(chat, Ct));
        Assert.Null(await refs.GetAsync(chat, Ct));
        Assert.NotNull(await refs.GetAsync(lee, Ct));
        // Nothing is addressed twice: the checklist index holds the person only.
        Assert.Equal([lee], (await subs.ListAllAsync(Ct)).Where(s => s.Target == SubscriptionTargets.Checklist).Select(s => s.Recipient));
    }

    [Fact]
    public async Task UnknownInstaller_WhoTurnedChecklistRemindersOff_StaysOff_OnceMatched()
    {
        var (observer, _, subs) = Create();
        await observer.OnActivityAsync(Personal(ActivityTypes.ConversationUpdate, botAdded: true), Ct);
        await subs.UnsubscribeAsync(Recipient.Conversation("a:personal-lee"), SubscriptionTargets.Checklist, Ct);
        await subs.SubscribeAsync(Recipient.Conversation("a:personal-lee"), SubscriptionTargets.Group("DAG"), Ct);

        await new PersonStore(Tables).UpsertAsync(new Person("lee-cox", Oid, "Lee Cox", "lee.cox@mhhs.example", null, []), Ct);
        var (later, _, _) = Create();
        await later.OnActivityAsync(Personal(ActivityTypes.Message), Ct);

        Assert.Equal([SubscriptionTargets.Actions], (await subs.ListForAsync(Recipient.Person("lee-cox"), Ct)).Select(s => s.Target));
    }
}
