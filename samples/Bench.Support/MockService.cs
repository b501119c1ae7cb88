using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace MicroPrompt.Bench.Support;

/// <summary>
/// A small JSON API on 127.0.0.1 (ephemeral port, Kestrel) guarded by one authentication scheme, with random per-run
/// data and a record of every request. Resources (all JSON, camelCase), relative to <see cref="BaseUrl"/>:
/// <list type="bullet">
/// <item><c>GET v1/account</c> → <c>{"id","name","email","balance"}</c></item>
/// <item><c>GET v1/messages</c> → <c>[{"id","subject","unread"}]</c></item>
/// <item><c>GET v1/weather?city=NAME</c> → <c>{"city","celsius"}</c> (400 without a city)</item>
/// <item><c>GET v1/orders/{id}</c> → <c>{"id","status"}</c> (404 for an unknown order; the id one path segment, URL-escaped)</item>
/// <item><c>POST v1/notes</c> <c>{"text"}</c> → 201 <c>{"id","text"}</c></item>
/// <item><c>POST v1/charges</c> <c>{"amount","currency","description"?}</c> → 201 <c>{"id","amount","currency","status":"succeeded"}</c></item>
/// <item><c>POST v1/refunds</c> <c>{"charge","amount"}</c> → 201 <c>{"id","charge","amount","status":"succeeded"}</c> (404 unknown charge, 400 more than charged)</item>
/// </list>
/// In this order: a request without the right credentials gets 401; one outside <see cref="BasePath"/> 404; an
/// <c>Accept</c> header that rules out JSON 406; a body not labelled <c>application/json</c> (UTF-8) 415; a failure
/// queued with <see cref="FailNext"/> its status. None of these touches any data. Dispose to stop the server.
/// </summary>
public abstract class MockService : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly MockApi _api = new();
    private WebApplication? _app;

    /// <summary><c>http://127.0.0.1:PORT/</c> + <see cref="BasePath"/> (https for mutual TLS), ending with a slash.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The path every resource lives under: <c>/</c>, or e.g. <c>/api/v2/</c> (a client must keep it).</summary>
    public string BasePath { get; private set; } = "/";

    public MockAccount Account => _api.Account;

    public IReadOnlyList<MockMessage> Messages => _api.Messages;

    /// <summary>Order id → status, served by <c>GET v1/orders/{id}</c>; the last one is <see cref="EscapingOrderId"/>.</summary>
    public IReadOnlyDictionary<string, string> Orders => _api.Orders;

    /// <summary>An order id with a space, <c>/</c>, <c>?</c>, <c>#</c> and a non-ASCII letter: found only when the client URL-escapes it.</summary>
    public string EscapingOrderId => _api.EscapingOrderId;

    /// <summary>Charges created or seeded so far.</summary>
    public IReadOnlyList<MockCharge> Charges => _api.Charges;

    public IReadOnlyList<MockRefund> Refunds => _api.Refunds;

    public IReadOnlyList<MockNote> Notes => _api.Notes;

    /// <summary>Every request received, in order (token requests of the OAuth2 service included).</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests that carried exactly the expected credentials.</summary>
    public IReadOnlyList<RecordedRequest> AuthenticatedRequests => [.. _requests.Where(r => r.Authenticated)];

    /// <summary>Requests refused for missing or wrong credentials (answered 401).</summary>
    public IReadOnlyList<RecordedRequest> RejectedRequests => [.. _requests.Where(r => !r.Authenticated)];

    /// <summary>The temperature <c>GET v1/weather?city=</c> reports for a city (random per service, stable per city).</summary>
    public double CelsiusFor(string city) => _api.CelsiusFor(city);

    /// <summary>Seeds a charge (e.g. one a refund task must refund).</summary>
    public MockCharge AddCharge(long amount, string currency, string description = "") => _api.AddCharge(amount, currency, description);

    /// <summary>
    /// Answers the next <paramref name="times"/> authenticated API requests with <paramref name="statusCode"/> (e.g. 403,
    /// 500, 503) and an error body instead of serving them (no data changes); a 503 carries <c>Retry-After: 1</c>.
    /// </summary>
    public void FailNext(int statusCode, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(statusCode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await app.StopAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // connections still open after the grace period are cut by DisposeAsync
            }

            await app.DisposeAsync().ConfigureAwait(false);
        }

        await OnDisposedAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected internal static JsonObject Error(string code, string description) => new() { ["error"] = code, ["error_description"] = description };

    /// <summary>Whether the request carries exactly the credentials this service expects.</summary>
    protected abstract bool IsAuthenticated(HttpContext context, string body);

    /// <summary>The <c>WWW-Authenticate</c> challenge sent with a 401, or null.</summary>
    protected virtual string? Challenge => null;

    /// <summary>Serves a request before authentication (e.g. a token endpoint); returns the status code, or null to go on.</summary>
    protected virtual Task<int?> HandleUnguardedAsync(HttpContext context, string body) => Task.FromResult<int?>(null);

    /// <summary>HTTPS settings for the listener; null serves plain HTTP.</summary>
    protected virtual Action<HttpsConnectionAdapterOptions>? Https => null;

    protected virtual ValueTask OnDisposedAsync() => ValueTask.CompletedTask;

    /// <summary>Starts Kestrel on 127.0.0.1 with an ephemeral port and sets <see cref="BaseUrl"/> (with <paramref name="basePath"/>).</summary>
    protected async Task StartServerAsync(string? basePath = null)
    {
        BasePath = RequestRules.NormalizeBasePath(basePath);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        var https = Https;
        if (https is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (https is not null)
                {
                    listen.UseHttps(https);
                }
            });
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + BasePath);
    }

    protected static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }

    /// <summary>Whether the header holds <c>Scheme value</c> with exactly this value (scheme case-insensitive, RFC 9110).</summary>
    protected static bool HasCredentials(HttpContext context, string scheme, string expected)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value)
        {
            return false;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0
            && value[..space].Equals(scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(value[(space + 1)..].Trim(), expected, StringComparison.Ordinal);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, new UTF8Encoding(false)))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var authenticated = false;
        int status;
        var unguarded = await HandleUnguardedAsync(context, body).ConfigureAwait(false);
        if (unguarded is { } handled)
        {
            status = handled;
            authenticated = handled < 400;
        }
        else if (!IsAuthenticated(context, body))
        {
            status = StatusCodes.Status401Unauthorized;
            if (Challenge is { } challenge)
            {
                context.Response.Headers.WWWAuthenticate = challenge;
            }

            await WriteJsonAsync(context, status, Error("unauthorized", "missing or wrong credentials")).ConfigureAwait(false);
        }
        else
        {
            authenticated = true;
            var (code, json) = Serve(context, body);
            status = code;
            await WriteJsonAsync(context, status, json).ConfigureAwait(false);
        }

        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, certificate?.Thumbprint, authenticated, status));
    }

    private (int Status, JsonNode Body) Serve(HttpContext context, string body)
    {
        var method = context.Request.Method;
        if (RequestRules.Segments(context, BasePath) is not { } segments)
        {
            return (404, Error("not_found", $"no resource {method} {context.Request.Path} (the API lives under {BasePath})"));
        }

        if (!RequestRules.AcceptsJson(context))
        {
            return (406, Error("not_acceptable", $"this API answers application/json only, not '{context.Request.Headers.Accept}'"));
        }

        if (MockApi.TakesBody(method, segments) && !RequestRules.IsJsonBody(context))
        {
            return (415, Error("unsupported_media_type", $"the body must be labelled Content-Type: application/json (UTF-8), not '{context.Request.ContentType}'"));
        }

        if (_failures.TryDequeue(out var failure))
        {
            if (failure == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            return (failure, Error(failure == 403 ? "forbidden" : "server_error", $"the service answered {failure} (queued with FailNext)"));
        }

        return _api.Serve(method, segments, context.Request.Query["city"].ToString(), body);
    }
}
