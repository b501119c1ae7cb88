using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MicroPrompt.Bench.Support;

/// <summary>
/// OAuth2 client credentials (RFC 6749 §4.4): <see cref="TokenUrl"/> (<c>POST</c>, form-encoded
/// <c>grant_type=client_credentials&amp;scope=&lt;Scope&gt;</c>) issues a bearer token; the API resources require
/// <c>Authorization: Bearer &lt;issued token&gt;</c>. The client authenticates either with HTTP Basic
/// (client_secret_basic, RFC 6749 §2.3.1: <c>base64(urlencode(id):urlencode(secret))</c>) or with <c>client_id</c> and
/// <c>client_secret</c> form fields (client_secret_post) — not both; each <see cref="TokenRequest"/> records which.
/// Client id and secret use only URL-safe characters, so both encodings agree. Errors are RFC 6749 §5.2 JSON
/// (<c>invalid_client</c> 401, <c>invalid_request</c>/<c>unsupported_grant_type</c>/<c>invalid_scope</c> 400).
/// Tokens live <see cref="ExpiresIn"/> seconds (the <c>expires_in</c> of the reply; short when started so): an expired
/// token gets 401, so a client that never refreshes is caught.
/// </summary>
public sealed class OAuth2Service : MockService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();

    private OAuth2Service(int expiresIn) => ExpiresIn = expiresIn;

    public string ClientId { get; } = "client_" + RandomText.Hex(4);

    public string ClientSecret { get; } = RandomText.Token(24);

    /// <summary>The scope the client must ask for (exactly this value).</summary>
    public string Scope { get; } = "bench.read bench.write";

    /// <summary>The <c>expires_in</c> of every issued token, in seconds (3600 unless started with a shorter lifetime).</summary>
    public int ExpiresIn { get; }

    /// <summary><c>BaseUrl</c> + <c>oauth/token</c>.</summary>
    public Uri TokenUrl => new(BaseUrl, "oauth/token");

    /// <summary>Every call of the token endpoint, in order.</summary>
    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];

    /// <summary>Tokens issued so far.</summary>
    public IReadOnlyCollection<string> IssuedTokens => [.. _issued.Keys];

    /// <summary>Requests to the API resources: every request but the token endpoint's.</summary>
    public IReadOnlyList<RecordedRequest> ResourceRequests => [.. Requests.Where(r => !string.Equals(r.Path.TrimEnd('/'), TokenPath, StringComparison.Ordinal))];

    private string TokenPath => BasePath + "oauth/token";

    protected override string? Challenge => "Bearer realm=\"bench\"";

    /// <summary>
    /// Starts the service; <paramref name="basePath"/> (e.g. <c>api/v2/</c>) puts the resources and the token endpoint
    /// under that path, <paramref name="expiresIn"/> sets the tokens' lifetime in seconds.
    /// </summary>
    public static async Task<OAuth2Service> StartAsync(string? basePath = null, int expiresIn = 3600)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expiresIn, 1);
        var service = new OAuth2Service(expiresIn);
        await service.StartServerAsync(basePath).ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return _issued.TryGetValue(value["Bearer ".Length..].Trim(), out var expires) && DateTimeOffset.UtcNow < expires;
    }

    protected override async Task<int?> HandleUnguardedAsync(HttpContext context, string body)
    {
        if (!string.Equals((context.Request.Path.Value ?? "").TrimEnd('/'), TokenPath, StringComparison.Ordinal))
        {
            return null;
        }

        var (status, json, request) = Token(context, body);
        _tokenRequests.Enqueue(request);
        context.Response.Headers.CacheControl = "no-store";
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"bench-token\"";
        }

        await WriteJsonAsync(context, status, json).ConfigureAwait(false);
        return status;
    }

    private (int Status, JsonObject Json, TokenRequest Request) Token(HttpContext context, string body)
    {
        var form = ParseForm(context, body);
        form.TryGetValue("grant_type", out var grantType);
        form.TryGetValue("scope", out var scope);
        form.TryGetValue("client_id", out var formId);
        form.TryGetValue("client_secret", out var formSecret);
        var basic = BasicCredentials(context);
        var method = (basic, formSecret) switch
        {
            (not null, not null) => "both",
            (not null, null) => "basic",
            (null, not null) => "post",
            _ => "none",
        };

        TokenRequest Record(bool granted) => new(method, grantType, scope, granted);

        if (!HttpMethods.IsPost(context.Request.Method) || form.Count == 0)
        {
            return (400, Error("invalid_request", "POST an application/x-www-form-urlencoded body"), Record(false));
        }

        if (method == "both")
        {
            return (400, Error("invalid_request", "use one client authentication method, not both (RFC 6749 2.3)"), Record(false));
        }

        var (id, secret) = method == "basic" ? basic!.Value : (formId, formSecret);
        if (method == "none" || !string.Equals(id, ClientId, StringComparison.Ordinal) || !string.Equals(secret, ClientSecret, StringComparison.Ordinal))
        {
            return (401, Error("invalid_client", "client authentication failed"), Record(false));
        }

        if (grantType != "client_credentials")
        {
            return (400, Error("unsupported_grant_type", "only grant_type=client_credentials is supported"), Record(false));
        }

        if (scope != Scope)
        {
            return (400, Error("invalid_scope", $"the scope must be '{Scope}'"), Record(false));
        }

        var token = "at_" + RandomText.Token(24);
        _issued[token] = DateTimeOffset.UtcNow.AddSeconds(ExpiresIn);
        return (200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = ExpiresIn, ["scope"] = Scope }, Record(true));
    }

    private static Dictionary<string, string> ParseForm(HttpContext context, string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || type.MediaType != "application/x-www-form-urlencoded")
        {
            return result;
        }

        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            result.TryAdd(name, value);
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static (string Id, string Secret)? BasicCredentials(HttpContext context)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? ("", "") : (Decode(text[..colon]), Decode(text[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }
}
