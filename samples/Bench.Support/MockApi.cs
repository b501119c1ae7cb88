using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace MicroPrompt.Bench.Support;

/// <summary>
/// The resources every mock service serves, with their random per-run data. Paths are relative to the service's base
/// path and arrive as decoded segments (so an order id may contain <c>/</c>, <c>?</c>, <c>#</c> or spaces when the
/// client escaped it).
/// </summary>
internal sealed class MockApi
{
    private static readonly string[] OrderStatuses = ["pending", "paid", "shipped", "delivered", "cancelled"];

    private readonly ConcurrentDictionary<string, MockCharge> _charges = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MockRefund> _refunds = new();
    private readonly ConcurrentQueue<MockNote> _notes = new();
    private readonly double _weatherSeed = RandomText.Int(-150, 250) / 10.0;

    public MockApi()
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

        // Three plain ids and, last, one that only arrives intact when the client URL-escapes it.
        EscapingOrderId = $"ord {RandomText.Hex(3)}/ü?#{RandomText.Int(1, 10)}";
        var orders = new Dictionary<string, string>(StringComparer.Ordinal);
        while (orders.Count < 3)
        {
            orders["ord_" + RandomText.Hex(5)] = RandomText.Pick(OrderStatuses);
        }

        orders[EscapingOrderId] = RandomText.Pick(OrderStatuses);
        Orders = orders;
    }

    public MockAccount Account { get; }

    public IReadOnlyList<MockMessage> Messages { get; }

    public IReadOnlyDictionary<string, string> Orders { get; }

    public string EscapingOrderId { get; }

    public IReadOnlyList<MockCharge> Charges => [.. _charges.Values];

    public IReadOnlyList<MockRefund> Refunds => [.. _refunds];

    public IReadOnlyList<MockNote> Notes => [.. _notes];

    public double CelsiusFor(string city)
    {
        var hash = 0;
        foreach (var c in city.ToUpperInvariant())
        {
            hash = unchecked(hash * 31 + c);
        }

        return Math.Round(_weatherSeed + (Math.Abs(hash % 200) / 10.0), 1);
    }

    public MockCharge AddCharge(long amount, string currency, string description)
    {
        var charge = new MockCharge("ch_" + RandomText.Hex(8), amount, currency, description);
        _charges[charge.Id] = charge;
        return charge;
    }

    /// <summary>Whether the resource takes a JSON request body (so its Content-Type is checked).</summary>
    public static bool TakesBody(string method, IReadOnlyList<string> segments)
        => method == "POST" && segments is ["v1", "notes" or "charges" or "refunds"];

    public (int Status, JsonNode Body) Serve(string method, IReadOnlyList<string> segments, string? city, string body) => (method, segments) switch
    {
        ("GET", ["v1", "account"]) => (200, new JsonObject { ["id"] = Account.Id, ["name"] = Account.Name, ["email"] = Account.Email, ["balance"] = Account.Balance }),
        ("GET", ["v1", "messages"]) => (200, new JsonArray([.. Messages.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["subject"] = m.Subject, ["unread"] = m.Unread })])),
        ("GET", ["v1", "weather"]) => Weather(city ?? ""),
        ("GET", ["v1", "orders", var id]) => Order(id),
        ("POST", ["v1", "notes"]) => CreateNote(Parse(body)),
        ("POST", ["v1", "charges"]) => CreateCharge(Parse(body)),
        ("POST", ["v1", "refunds"]) => CreateRefund(Parse(body)),
        _ => (404, MockService.Error("not_found", $"no resource {method} {string.Join('/', segments)}")),
    };

    private (int, JsonNode) Weather(string city)
        => city.Trim().Length == 0
            ? (400, MockService.Error("invalid_request", "the query parameter 'city' is required"))
            : (200, new JsonObject { ["city"] = city, ["celsius"] = CelsiusFor(city) });

    private (int, JsonNode) Order(string id)
        => Orders.TryGetValue(id, out var status)
            ? (200, new JsonObject { ["id"] = id, ["status"] = status })
            : (404, MockService.Error("not_found", $"no order '{id}'"));

    private (int, JsonNode) CreateNote(JsonObject? json)
    {
        if (json?["text"] is not JsonValue text || !text.TryGetValue<string>(out var value) || value.Length == 0)
        {
            return (400, MockService.Error("invalid_request", "a JSON body {\"text\": \"...\"} is required"));
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
            return (400, MockService.Error("invalid_request", "a JSON body {\"amount\": <positive integer, minor units>, \"currency\": \"<3 letters>\"} is required"));
        }

        var description = json["description"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : "";
        var charge = AddCharge(amount, currency.ToLowerInvariant(), description);
        return (201, new JsonObject { ["id"] = charge.Id, ["amount"] = charge.Amount, ["currency"] = charge.Currency, ["status"] = "succeeded" });
    }

    private (int, JsonNode) CreateRefund(JsonObject? json)
    {
        if (json?["charge"] is not JsonValue chargeNode || !chargeNode.TryGetValue<string>(out var chargeId) || Long(json["amount"]) is not { } amount || amount <= 0)
        {
            return (400, MockService.Error("invalid_request", "a JSON body {\"charge\": \"ch_...\", \"amount\": <positive integer>} is required"));
        }

        if (!_charges.TryGetValue(chargeId, out var charge))
        {
            return (404, MockService.Error("not_found", $"no charge '{chargeId}'"));
        }

        var refunded = _refunds.Where(r => r.ChargeId == chargeId).Sum(r => r.Amount);
        if (refunded + amount > charge.Amount)
        {
            return (400, MockService.Error("invalid_request", $"cannot refund {amount}: {charge.Amount - refunded} left on the charge"));
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
}
