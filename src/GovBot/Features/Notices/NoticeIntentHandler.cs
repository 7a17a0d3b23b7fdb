using System.Text.Json.Nodes;
using GovBot.Bot;
using GovBot.Cards;
using GovBot.Connector;
using GovBot.Recognition;

namespace GovBot.Features.Notices;

/// <summary>"post notice" opens the compose form; "notice report N" shows deliveries, failures and answers. Both PMO only.</summary>
internal sealed class NoticeIntentHandler(NoticeCardActions actions, NoticeStore notices)
{
    public async Task<JsonObject> HandleAsync(Intent intent, Caller caller, ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!caller.IsPmo)
        {
            return CommonCards.Error("Sorry, meeting notices are sent by the PMO, and I can't see you in the PMO. If you need a notice sent, please ask your group's secretariat.");
        }
        switch (intent)
        {
            case NoticeReport report:
                return await notices.GetAsync(report.Number, cancellationToken) is { Notice: { Status: not NoticeStatus.Draft } notice }
                    ? await actions.ReportAsync(notice, cancellationToken)
                    : CommonCards.Error($"There is no sent notice {report.Number}.");
            default:
                return await actions.FormAsync(NoticeForm.Empty, null, null, cancellationToken);
        }
    }
}
