using System.Text;
using System.Text.Json.Nodes;
using GovBot.Cards;

namespace GovBot.Tests.Cards;

/// <summary>The size budget is counted without making a string of the card; it must still be the wire size.</summary>
public class CardSizeTests
{
    [Fact]
    public void Utf8Size_IsTheByteCountOfTheCompactJson_ForEverySampleCard()
    {
        foreach (var (name, card) in CardSamples.All())
        {
            Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) == CardKit.Utf8Size(card), name);
        }
    }

    [Fact]
    public void Utf8Size_CountsEscapesAndMultiByteText_AndLongValuesPastTheScratchBuffer()
    {
        var card = new AdaptiveCard(
        [
            new TextBlock("Quotes \" and <tags> & £ € 👍 \u0001 ‹escaped›") { Weight = TextWeight.Bolder, Size = TextSize.ExtraLarge },
            new TextBlock(new string('é', 9_000)),
        ]).ToJson();
        Assert.Equal(Encoding.UTF8.GetByteCount(card.ToJsonString()), CardKit.Utf8Size(card));
        Assert.Equal(Encoding.UTF8.GetByteCount(new JsonObject().ToJsonString()), CardKit.Utf8Size(new JsonObject()));
    }

    [Fact]
    public void EnumNames_AreTheAdaptiveCardSpellings() =>
        Assert.Equal(
            ["extraLarge", "bolder", "none", "attention"],
            [Json.Enum(TextSize.ExtraLarge), Json.Enum(TextWeight.Bolder), Json.Enum(Spacing.None), Json.Enum(TextColor.Attention)]);
}
