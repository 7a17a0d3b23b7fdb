namespace GovBot.Storage;

/// <summary>Set once the tables exist and any sample data is loaded: until then the app is live but not ready.</summary>
public sealed class StorageReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
