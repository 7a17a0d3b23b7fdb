namespace GovBot.Connector.Tests; public class SmokeTests { [Fact] public void TypesAreCamelCase() => Assert.Equal("conversationUpdate", ActivityTypes.ConversationUpdate); }
