namespace GovBot.Tests; public class SmokeTests { [Fact] public void ProgramExists() => Assert.NotNull(typeof(Program).Assembly); }
