namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of calling a model service: no model (MP1001), a missing key (MP1004), a bad timeout (MP1005), and
/// what a call can fail with (MP1010–MP1014, MP2006). <c>where</c> is the endpoint without user info or query plus
/// the provider; messages name the key <em>variable</em>, never a key, and never echo a server's text for 401/403.
/// </summary>
internal static class ModelServiceMessages
{
    private const string CheckEndpoint = "Check " + Advice.Endpoint;

    public static MicroPromptDiagnostic NoModel() => MicroPromptDiagnostic.Error(DiagnosticCodes.NoModel, $"No model to call. {Advice.SetModel}");

    public static MicroPromptDiagnostic TimeoutNotPositive(TimeSpan timeout) => MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty,
        $"The model call timeout must be positive (got {timeout}).");

    public static MicroPromptDiagnostic ApiKeyMissing(string? keyVariable, string provider, string endpoint) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ApiKeyMissing,
        $"The environment variable '{keyVariable}' that should hold the API key for provider {provider} ({endpoint}) is not set. "
        + "Set it before building, or set MicroPromptApiKeyVariable to the name of the variable that holds the key.");

    public static MicroPromptDiagnostic Cancelled(string model, string where) => MicroPromptDiagnostic.Error(DiagnosticCodes.Cancelled,
        $"The call to model '{model}' at {where} was cancelled.");

    public static MicroPromptDiagnostic CircuitOpen(string where) => MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderUnreachable,
        $"{where} failed every recent call (connection failures, timeouts or server errors), so MicroPrompt stopped calling it for this build. "
        + $"{CheckEndpoint}, that {Advice.ServerReachable}, and MicroPromptProvider.");

    /// <param name="connecting">The connection could not be made (else it broke before the reply was complete).</param>
    public static MicroPromptDiagnostic Unreachable(string where, string model, bool connecting) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderUnreachable,
        (connecting ? $"Could not reach {where}." : $"The connection to {where} broke before the reply for model '{model}' was complete.")
        + $" {CheckEndpoint} and that {Advice.ServerReachable}.");

    public static MicroPromptDiagnostic TimedOutAfterRetries(string model, string where, TimeSpan timeout) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderTimeout,
        $"Model '{model}' at {where} did not answer within {timeout.TotalSeconds:0.#} s (MicroPromptTimeoutSeconds), after retries. Raise MicroPromptTimeoutSeconds, use a faster model, or check that the server is not overloaded.");

    public static MicroPromptDiagnostic TimedOut(string model, string where) => MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderTimeout,
        $"Model '{model}' at {where} did not answer in time. Try again, use a faster model, or check that the server is not overloaded.");

    public static MicroPromptDiagnostic BadResponse(string where, string model, string detail) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderBadResponse,
        $"The reply from {where} for model '{model}' could not be read ({detail}). Check that MicroPromptEndpoint points at the model API itself, not at a proxy or web page, and that MicroPromptProvider matches the server.");

    /// <summary>401/403. The server's text is never shown: some providers quote part of the key they rejected.</summary>
    /// <param name="keyVariable">The variable the key came from, or null when the provider sends no credentials.</param>
    public static MicroPromptDiagnostic Refused(string where, string model, string reason, string? keyVariable)
    {
        var keyHint = keyVariable is null
            ? "The server needs credentials this provider does not send; check MicroPromptEndpoint."
            : $"Check that the environment variable '{keyVariable}' holds a valid key for this endpoint (or set MicroPromptApiKeyVariable to the variable that does).";
        return MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderHttpError, $"{where} refused the request for model '{model}' ({reason}). {keyHint}");
    }

    /// <param name="what">"Model" or "Deployment".</param>
    /// <param name="suffix">"." or ": the server's message.".</param>
    /// <param name="hint">What to check for this provider.</param>
    public static MicroPromptDiagnostic UnknownModel(string what, string model, string where, string reason, string suffix, string hint) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderUnknownModel, $"{what} '{model}' was not found at {where} ({reason}){suffix} {hint}");

    public static MicroPromptDiagnostic RateLimited(string where, string model, string reason, string suffix) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderHttpError, $"{where} rate-limited the request for model '{model}' ({reason}){suffix} {Advice.TryLater}");

    public static MicroPromptDiagnostic Overloaded(string where, string model, string suffix) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderHttpError, $"{where} is overloaded (HTTP 529) and did not serve model '{model}' after retries{suffix} {Advice.TryLater}");

    /// <param name="serverFailed">A 5xx status (else the request was wrong).</param>
    public static MicroPromptDiagnostic HttpError(string where, string model, string reason, string suffix, bool serverFailed) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ProviderHttpError,
        $"{where} answered {reason} for model '{model}'{suffix} {(serverFailed ? "The server failed; try again later." : "Check the model and the provider settings.")}");
}
