namespace MicroPrompt.Generation;

public enum GenerationStatus
{
    Succeeded,
    Failed,
    Refused,
}
