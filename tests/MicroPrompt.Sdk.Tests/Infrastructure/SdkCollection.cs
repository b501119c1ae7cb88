namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>All end-to-end tests share one packed SDK and run one at a time (each build already uses both cores).</summary>
[CollectionDefinition(Name)]
public sealed class SdkCollection : ICollectionFixture<SdkPackageFixture>
{
    public const string Name = "sdk";
}
