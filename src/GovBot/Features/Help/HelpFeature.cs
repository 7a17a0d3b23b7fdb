using GovBot.Bot;
using GovBot.Recognition;

namespace GovBot.Features.Help;

/// <summary>Welcome, help and "did you mean": the help card lists every feature's examples.</summary>
public sealed class HelpFeature : IGovBotFeature
{
    public void Register(FeatureBuilder feature) => feature
        .Questions(HelpGrammar.Register)
        .Answer<ShowHelp, QuestionRecogniser>((recogniser, _, _, _) => Task.FromResult(HelpCards.Help(recogniser.HelpSections)))
        .Answer<ShowWelcome>((_, ask) => HelpCards.Welcome(ask.Caller.DisplayName));
    // What no rule understood is answered by the Search feature (from the index, or "nothing found" with these suggestions).
}
