using GovBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GovBot.EndToEnd.Tests;

/// <summary>
/// The Agents Playground's own web UI in headless Chromium, as a person uses it: the page opens (and installs the
/// bot), a question is typed into the compose box, cards render, a card is clicked. Screenshots of the cards go to
/// artifacts/screenshots/ (git-ignored).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PlaygroundUiTests(GovBotWithPlayground stack, ITestOutputHelper output)
{
    private static readonly string Screenshots = RepoPaths.Artifacts("screenshots");

    [Fact]
    public async Task InTheBrowser_AskingAndClickingShowsGovBotsCards()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        try
        {
            await page.GotoAsync(stack.Playground.BaseUrl.ToString());

            // Opening the chat installs the bot: the welcome card renders with its question buttons.
            var welcome = Card(page, "I'm GovBot");
            await Assertions.Expect(welcome).ToBeVisibleAsync();
            await Assertions.Expect(welcome.GetByRole(AriaRole.Button, new() { Name = "My open actions" })).ToBeVisibleAsync();
            await SnapAsync(page, welcome, "welcome");

            // Typed into the compose box and sent with Enter.
            await AskAsync(page, "my open actions");
            var list = Card(page, "Your open actions");
            await Assertions.Expect(list).ToBeVisibleAsync();
            foreach (var reference in new[] { "DAG12-06", "DAG31-08", "DAG32-04", "DAG33-04" })
            {
                await Assertions.Expect(list).ToContainTextAsync(reference);
            }

            await SnapAsync(page, list, "my-open-actions");

            // A click on the DAG33-04 row (Action.Execute action.show): the card is replaced by the action's detail.
            await list.GetByText("DAG33-04", new() { Exact = false }).First.ClickAsync();
            var detail = Card(page, "Action DAG33-04");
            await Assertions.Expect(detail).ToBeVisibleAsync();
            await Assertions.Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Add an update" })).ToBeVisibleAsync();

            // "Add an update" opens the input; typing and "Save update" (Action.Execute action.update) redraws the card.
            var update = "Test plan shared with SITWG; awaiting comments";
            await detail.GetByRole(AriaRole.Button, new() { Name = "Add an update" }).ClickAsync();
            var input = detail.Locator("textarea, input[type='text']").First;
            await input.FillAsync(update);
            await detail.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
            var updated = Card(page, update);
            await Assertions.Expect(updated).ToContainTextAsync("Action DAG33-04");
            await SnapAsync(page, updated, "action-detail");

            await AskAsync(page, "next DAG meeting");
            var meeting = Card(page, "DAG 34 – Design Advisory Group");
            await Assertions.Expect(meeting).ToContainTextAsync("Wednesday 13 March 2024");
            await SnapAsync(page, meeting, "next-dag-meeting");

            await AskAsync(page, "CR043");
            var cr = Card(page, "Supplier Registration of ABMU and MPAN Mapping");
            await Assertions.Expect(cr).ToBeVisibleAsync();
            await SnapAsync(page, cr, "cr043");
        }
        catch
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "failure.png"), Timeout = 10_000 });
                output.WriteLine("Screenshot of the failure: " + Path.Combine(Screenshots, "failure.png"));
            }
            catch (PlaywrightException ex)
            {
                output.WriteLine("No screenshot of the failure: " + ex.Message);
            }

            output.WriteLine(stack.Playground.Log());
            throw;
        }
    }

    /// <summary>The last rendered Adaptive Card that contains TEXT.</summary>
    private static ILocator Card(IPage page, string text) =>
        page.Locator(".ac-adaptiveCard").Filter(new() { HasText = text }).Last;

    private static async Task AskAsync(IPage page, string question)
    {
        var compose = page.Locator("[contenteditable='true'][role='textbox']").First;
        await compose.ClickAsync();
        await compose.PressSequentiallyAsync(question);
        await compose.PressAsync("Enter");
    }

    private async Task SnapAsync(IPage page, ILocator card, string name)
    {
        await card.ScrollIntoViewIfNeededAsync();
        var path = Path.Combine(Screenshots, name + ".png");
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = path, Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + "-page.png") });
        output.WriteLine("Screenshot: " + path);
    }
}
