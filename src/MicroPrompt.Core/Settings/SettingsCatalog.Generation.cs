using MicroPrompt.Generation;

namespace MicroPrompt.Settings;

/// <summary>What is generated, when, and where the resolved state lives.</summary>
public static partial class SettingsCatalog
{
    public static readonly Setting<RepairMode> Repair = new(SettingTypes.Choice(RepairMode.Exec, RepairMode.Review, RepairMode.None))
    {
        Property = "MicroPromptRepair",
        Parameter = "Repair",
        Default = RepairMode.Exec,
        Doc = "`exec` (compiler feedback), `review` (self-review only), `none`",
    };

    public static readonly Setting<int> MaxPasses = new(SettingTypes.Int(1, 20))
    {
        Property = "MicroPromptMaxPasses",
        Parameter = "MaxPasses",
        Default = 3,
        Doc = "generation + repair passes per item",
    };

    public static readonly Setting<int> MaxPromptBytes = new(SettingTypes.Int(1, 64 * 1024 * 1024))
    {
        Property = "MicroPromptMaxPromptBytes",
        Parameter = "MaxPromptBytes",
        Default = 256 * 1024,
        Doc = "size cap of one `.mprompt`",
    };

    public static readonly Setting<bool> Locked = new(SettingTypes.Bool)
    {
        Property = "MicroPromptLocked",
        Parameter = "Locked",
        Default = false,
        DefaultText = "`true` when `CI=true`, else `false`",
        DefaultFromTargets = true,
        Doc = "never call a model; an item without resolved code is error `MP2004`",
    };

    public static readonly Setting<ItemSelection> Regenerate = new(SettingTypes.Items)
    {
        Property = "MicroPromptRegenerate",
        Parameter = "Regenerate",
        Default = ItemSelection.None,
        DefaultText = "`false`",
        Doc = "`true`, or item names (`Slug;Text/Other.mprompt`), to regenerate even when resolved",
    };

    public static readonly Setting<RegenerationMode> Regeneration = new(SettingTypes.Choice(RegenerationMode.Edit, RegenerationMode.Fresh))
    {
        Property = "MicroPromptRegeneration",
        Parameter = "Regeneration",
        EnvironmentVariable = "MICROPROMPT_REGENERATION",
        Default = RegenerationMode.Edit,
        Doc = "`edit`: a changed item is regenerated from its previous code and the prompt diff; `fresh`: from scratch (item metadata `Regeneration`, front matter `regeneration:` win)",
    };

    public static readonly Setting<ItemSelection> AllowApiChanges = new(SettingTypes.Items)
    {
        Property = "MicroPromptAllowApiChanges",
        Parameter = "AllowApiChanges",
        Default = ItemSelection.None,
        DefaultText = "`false`",
        Doc = "`true`, or item names: a regeneration may remove or change public members (listed in the report)",
    };

    public static readonly Setting<bool> StrictCapabilities = new(SettingTypes.Bool)
    {
        Property = "MicroPromptStrictCapabilities",
        Parameter = "StrictCapabilities",
        Default = false,
        Doc = "code using a capability its prompt does not declare in `capabilities:` is an error, not warning `MP2020`",
    };

    public static readonly Setting<string?> Store = new(SettingTypes.Path)
    {
        Property = "MicroPromptStore",
        Parameter = "StoreDirectory",
        Default = null,
        DefaultText = "`$(MSBuildProjectDirectory)/.microprompt`",
        DefaultFromTargets = true,
        Doc = "the resolved state: `lock.json` + `code/`, committed",
    };

    public static readonly Setting<string?> UserCache = new(SettingTypes.Path)
    {
        Property = "MicroPromptUserCache",
        Parameter = "UserCacheDirectory",
        EnvironmentVariable = "MICROPROMPT_CACHE_DIR",
        Default = null,
        DefaultText = "`~/.microprompt/cache`",
        DefaultFromTargets = true,
        Doc = "every generation ever made on this machine (not committed)",
    };

    public static readonly Setting<bool> EnableDefaultItems = new(SettingTypes.Bool)
    {
        Property = "EnableDefaultMicroPromptItems",
        Default = true,
        NotHashedReason = "read by the props' item glob only: the items it adds are inputs of their own",
        Doc = "glob `**/*.mprompt` (bin, obj and other `DefaultItemExcludes` skipped)",
    };

    /// <summary>Set by the targets: an IDE (design-time) build, or one that only wants the outputs' paths.</summary>
    public static readonly Setting<bool> DesignTime = new(SettingTypes.Bool)
    {
        Property = "_MicroPromptDesignTime",
        Parameter = "DesignTime",
        Default = false,
        DefaultFromTargets = true,
        Internal = true,
        Doc = "design-time (IDE) build: no model call, resolved code else contract stubs",
    };

    /// <summary>Set by <c>MicroPromptWriteResolutionInputs</c>: write inputs.json, resolve nothing.</summary>
    public static readonly Setting<bool> InputsOnly = new(SettingTypes.Bool)
    {
        Property = "_MicroPromptInputsOnly",
        Parameter = "InputsOnly",
        Default = false,
        DefaultFromTargets = true,
        Internal = true,
        NotHashedReason = "only the inputs target sets it, and that target resolves nothing",
        Doc = "write the resolution inputs only",
    };
}
