// Two make-believe slices, so the architecture test can show that its check finds what it looks for.
namespace GovBot.Tests.Architecture.Samples.Features.Lender
{
    internal sealed class Secret
    {
        public static int Value() => 42;
    }

    public sealed class Open
    {
        public static int Value() => 7;
    }
}

namespace GovBot.Tests.Architecture.Samples.Features.Borrower
{
    using GovBot.Tests.Architecture.Samples.Features.Lender;

    internal static class UsesInSignature
    {
        public static Secret? Get() => null;
    }

    internal static class UsesInLambda
    {
        public static Func<int> Get() => () => Secret.Value() + Open.Value();
    }
}
