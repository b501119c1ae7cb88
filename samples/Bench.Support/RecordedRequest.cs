namespace MicroPrompt.Bench.Support;

/// <summary>One request a mock service received, as it arrived.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path without the query, e.g. <c>/v1/account</c>.</param>
/// <param name="Query">The raw query string including <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers (names case-insensitive; repeated values joined with <c>", "</c>).</param>
/// <param name="Body">The body decoded as UTF-8 (empty when there was none).</param>
/// <param name="ClientCertificateThumbprint">The SHA-1 thumbprint of the TLS client certificate, or null.</param>
/// <param name="Authenticated">Whether the request carried exactly the credentials the service expects.</param>
/// <param name="StatusCode">The status code the service answered with.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ClientCertificateThumbprint,
    bool Authenticated,
    int StatusCode)
{
    /// <summary>A header's value, or null when the request did not have it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
