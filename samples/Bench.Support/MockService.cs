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
/// data and a record of every request. Resources (all JSON, camelCase):
/// <list type="bullet">
/// <item><c>GET /v1/account</c> → <c>{"id","name","email","balance"}</c></item>
/// <item><c>GET /v1/messages</c> → <c>[{"id","subject","unread"}]</c></item>
/// <item><c>GET /v1/weather?city=NAME</c> → <c>{"city","celsius"}</c> (400 without a city)</item>
/// <item><c>GET /v1/orders/{id}</c> → <c>{"id","status"}</c> (404 for an unknown order)</item>
/// <item><c>POST /v1/notes</c> <c>{"text"}</c> → 201 <c>{"id","text"}</c></item>
/// <item><c>POST /v1/charges</c> <c>{"amount","currency","description"?}</c> → 201 <c>{"id","amount","currency","status":"succeeded"}</c></item>
/// <item><c>POST /v1/refunds</c> <c>{"charge","amount"}</c> → 201 <c>{"id","charge","amount","status":"succeeded"}</c> (404 unknown charge, 400 more than charged)</item>
/// </list>
/// A request without the right credentials gets 401 and touches no data. Dispose to stop the server.
/// </summary>
public abstract class MockService : IAsyncDisposable
{
    private static readonly string[] OrderStatuses = ["pending", "paid", "shipped", "delivered", "cancelled"];

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, MockCharge> _charges = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MockRefund> _refunds = new();
    private readonly ConcurrentQueue<MockNote> _notes = new();
    private readonly double _weatherSeed = RandomText.Int(-150, 250) / 10.0;
    private WebApplication? _app;

    protected MockService()
    {
        Account = new MockAccount("acct_" + RandomText.Hex(6), RandomText.Name(), $"user.{RandomText.Hex(4)}@example.test", RandomText.Int(1_000, 10_000_000));
        var count = RandomText.Int(5, 9);
        var messages = new List<MockMessage>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(new MockMessage(RandomText.Int(1000, 9999) * 10 + i, RandomText.Subject(), RandomText.Int(0, 2) == 1));
        }

        // At least one read and one unread message, whatever the dice said.
        messages[0] = messages[0] with { Unread = true };
        messages[^1] = messages[^1] with { Unread = false };
        Messages = messages;
        Orders = Enumerable.Range(0, 4).ToDictionary(_ => "ord_" + RandomText.Hex(5), _ => RandomText.Pick(OrderStatuses), StringComparer.Ordinal);
    }

    /// <summary><c>http://127.0.0.1:PORT/</c> (or https for mutual TLS), ending with a slash.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public MockAccount Account { get; }

    public IReadOnlyList<MockMessage> Messages { get; }

    /// <summary>Order id → status, served by <c>GET /v1/orders/{id}</c>.</summary>
    public IReadOnlyDictionary<string, string> Orders { get; }

    /// <summary>Charges created or seeded so far.</summary>
    public IReadOnlyList<MockCharge> Charges => [.. _charges.Values];

    public IReadOnlyList<MockRefund> Refunds => [.. _refunds];

    public IReadOnlyList<MockNote> Notes => [.. _notes];

    /// <summary>Every request received, in order (token requests of the OAuth2 service included).</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests that carried exactly the expected credentials.</summary>
    public IReadOnlyList<RecordedRequest> AuthenticatedRequests => [.. _requests.Where(r => r.Authenticated)];

    /// <summary>Requests refused for missing or wrong credentials (answered 401).</summary>
    public IReadOnlyList<RecordedRequest> RejectedRequests => [.. _requests.Where(r => !r.Authenticated)];

    /// <summary>The temperature <c>GET /v1/weather?city=</c> reports for a city (random per service, stable per city).</summary>
    public double CelsiusFor(string city)
    {
        var hash = 0;
        foreach (var c in city.ToUpperInvariant())
        {
            hash = unchecked(hash * 31 + c);
        }

        return Math.Round(_weatherSeed + (Math.Abs(hash % 200) / 10.0), 1);
    }

    /// <summary>Seeds a charge (e.g. one a refund task must refund).</summary>
    public MockCharge AddCharge(long amount, string currency, string description = "")
    {
        var charge = new MockCharge("ch_" + RandomText.Hex(8), amount, currency, description);
        _charges[charge.Id] = charge;
        return charge;
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

    /// <summary>Whether the request carries exactly the credentials this service expects.</summary>
    protected abstract bool IsAuthenticated(HttpContext context, string body);

    /// <summary>The <c>WWW-Authenticate</c> challenge sent with a 401, or null.</summary>
    protected virtual string? Challenge => null;

    /// <summary>Serves a request before authentication (e.g. a token endpoint); returns the status code, or null to go on.</summary>
    protected virtual Task<int?> HandleUnguardedAsync(HttpContext context, string body) => Task.FromResult<int?>(null);

    /// <summary>HTTPS settings for the listener; null serves plain HTTP.</summary>
    protected virtual Action<HttpsConnectionAdapterOptions>? Https => null;

    protected virtual ValueTask OnDisposedAsync() => ValueTask.CompletedTask;

    /// <summary>Starts Kestrel on 127.0.0.1 with an ephemeral port and sets <see cref="BaseUrl"/>.</summary>
    protected async Task StartServerAsync()
    {
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
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    protected static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }

    protected static JsonObject Error(string code, string description) => new() { ["error"] = code, ["error_description"] = description };

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
            status = await ServeAsync(context, body).ConfigureAwait(false);
        }

        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, certificate?.Thumbprint, authenticated, status));
    }

    private async Task<int> ServeAsync(HttpContext context, string body)
    {
        var method = context.Request.Method;
        var path = (context.Request.Path.Value ?? "").TrimEnd('/');
        (int Status, JsonNode Body) result = (method, path) switch
        {
            ("GET", "/v1/account") => (200, new JsonObject { ["id"] = Account.Id, ["name"] = Account.Name, ["email"] = Account.Email, ["balance"] = Account.Balance }),
            ("GET", "/v1/messages") => (200, new JsonArray([.. Messages.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["subject"] = m.Subject, ["unread"] = m.Unread })])),
            ("GET", "/v1/weather") => Weather(context.Request.Query["city"].ToString()),
            ("GET", _) when path.StartsWith("/v1/orders/", StringComparison.Ordinal) => Order(Uri.UnescapeDataString(path["/v1/orders/".Length..])),
            ("POST", "/v1/notes") => CreateNote(Parse(body)),
            ("POST", "/v1/charges") => CreateCharge(Parse(body)),
            ("POST", "/v1/refunds") => CreateRefund(Parse(body)),
            _ => (404, Error("not_found", $"no resource {method} {path}")),
        };
        await WriteJsonAsync(context, result.Status, result.Body).ConfigureAwait(false);
        return result.Status;
    }

    private (int, JsonNode) Weather(string city)
        => city.Trim().Length == 0
            ? (400, Error("invalid_request", "the query parameter 'city' is required"))
            : (200, new JsonObject { ["city"] = city, ["celsius"] = CelsiusFor(city) });

    private (int, JsonNode) Order(string id)
        => Orders.TryGetValue(id, out var status)
            ? (200, new JsonObject { ["id"] = id, ["status"] = status })
            : (404, Error("not_found", $"no order '{id}'"));

    private (int, JsonNode) CreateNote(JsonObject? json)
    {
        if (json?["text"] is not JsonValue text || !text.TryGetValue<string>(out var value) || value.Length == 0)
        {
            return (400, Error("invalid_request", "a JSON body {\"text\": \"...\"} is required"));
        }

        var note = new MockNote("note_" + RandomText.Hex(6), value);
        _notes.Enqueue(note);
        return (201, new JsonObject { ["id"] = note.Id, ["text"] = note.Text });
    }

    private (int, JsonNode) CreateCharge(JsonObject? json)
    {
        if (Long(json?["amount"]) is not { } amount || amount <= 0
            || json?["currency"] is not JsonValue currencyNode || !currencyNode.TryGetValue<string>(out var currency) || currency.Length != 3)
        {
            return (400, Error("invalid_request", "a JSON body {\"amount\": <positive integer, minor units>, \"currency\": \"<3 letters>\"} is required"));
        }

        var description = json["description"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : "";
        var charge = AddCharge(amount, currency.ToLowerInvariant(), description);
        return (201, new JsonObject { ["id"] = charge.Id, ["amount"] = charge.Amount, ["currency"] = charge.Currency, ["status"] = "succeeded" });
    }

    private (int, JsonNode) CreateRefund(JsonObject? json)
    {
        if (json?["charge"] is not JsonValue chargeNode || !chargeNode.TryGetValue<string>(out var chargeId) || Long(json["amount"]) is not { } amount || amount <= 0)
        {
            return (400, Error("invalid_request", "a JSON body {\"charge\": \"ch_...\", \"amount\": <positive integer>} is required"));
        }

        if (!_charges.TryGetValue(chargeId, out var charge))
        {
            return (404, Error("not_found", $"no charge '{chargeId}'"));
        }

        var refunded = _refunds.Where(r => r.ChargeId == chargeId).Sum(r => r.Amount);
        if (refunded + amount > charge.Amount)
        {
            return (400, Error("invalid_request", $"cannot refund {amount}: {charge.Amount - refunded} left on the charge"));
        }

        var refund = new MockRefund("re_" + RandomText.Hex(8), chargeId, amount);
        _refunds.Enqueue(refund);
        return (201, new JsonObject { ["id"] = refund.Id, ["charge"] = chargeId, ["amount"] = amount, ["status"] = "succeeded" });
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static long? Long(JsonNode? node)
        => node is JsonValue value && (value.TryGetValue<long>(out var n) || (value.TryGetValue<double>(out var d) && d == Math.Floor(d) && (n = (long)d) == d)) ? n : null;

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
}
