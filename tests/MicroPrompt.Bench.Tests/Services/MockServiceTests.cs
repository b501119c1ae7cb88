using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using MicroPrompt.Bench.Support;

namespace MicroPrompt.Bench.Tests.Services;

/// <summary>
/// The mock services' own rules, called directly over HTTP (no harness): what each check refuses and with which status,
/// so a grader-validity failure can be traced to the rule that caught it.
/// </summary>
public sealed class MockServiceTests
{
    [Fact]
    public async Task A_base_path_is_kept_in_BaseUrl_and_requests_outside_it_are_404()
    {
        await using var service = await BearerService.StartAsync(basePath: "api/v2");
        using var http = Client(service.Token);

        Assert.Equal("/api/v2/", service.BasePath);
        Assert.EndsWith("/api/v2/", service.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        using var kept = await http.GetAsync(new Uri(service.BaseUrl, "v1/account"));
        using var dropped = await http.GetAsync(new Uri(service.BaseUrl, "/v1/account"));

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dropped.StatusCode);
        Assert.Equal(["/api/v2/v1/account", "/v1/account"], service.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task FailNext_answers_the_next_authenticated_requests_with_its_status_and_touches_no_data()
    {
        await using var service = await ApiKeyService.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", service.ApiKey);
        service.FailNext(403);
        service.FailNext(503, times: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync(new Uri(service.BaseUrl, "v1/charges"), Json("""{"amount":100,"currency":"eur"}"""));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created], statuses);
        Assert.Single(service.Charges);
        Assert.All(service.Requests, r => Assert.True(r.Authenticated));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.FailNext(302));
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=iso-8859-1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", HttpStatusCode.Created)]
    [InlineData("Application/JSON; charset=\"UTF-8\"", HttpStatusCode.Created)]
    public async Task A_json_body_must_be_labelled_application_json(string contentType, HttpStatusCode expected)
    {
        await using var service = await BasicAuthService.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(service.UserName + ":" + service.Password)));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"text":"hi"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync(new Uri(service.BaseUrl, "v1/notes"), content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, service.Notes.Count);
    }

    [Theory]
    [InlineData("text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("application/json;q=0, text/plain", HttpStatusCode.NotAcceptable)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("text/html, application/*;q=0.5", HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    public async Task An_Accept_header_must_allow_json(string accept, HttpStatusCode expected)
    {
        await using var service = await BearerService.StartAsync();
        using var http = Client(service.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service.BaseUrl, "v1/account"));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_order_id_is_found_only_when_the_client_escapes_it()
    {
        await using var service = await BearerService.StartAsync();
        using var http = Client(service.Token);
        var id = service.EscapingOrderId;
        Assert.Equal(id, service.Orders.Keys.Last());
        Assert.True(id.IndexOfAny(['/', '?', '#', ' ']) >= 0, id);

        using var escaped = await http.GetAsync(new Uri(service.BaseUrl, "v1/orders/" + Uri.EscapeDataString(id)));
        using var raw = await http.GetAsync(new Uri(service.BaseUrl, "v1/orders/" + id));

        Assert.Equal(HttpStatusCode.OK, escaped.StatusCode);
        using var json = JsonDocument.Parse(await escaped.Content.ReadAsStringAsync());
        Assert.Equal(service.Orders[id], json.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
    }

    [Fact]
    public async Task An_OAuth2_token_is_refused_once_its_expires_in_has_passed()
    {
        await using var service = await OAuth2Service.StartAsync(basePath: "api/v2/", expiresIn: 1);
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = service.Scope,
            ["client_id"] = service.ClientId,
            ["client_secret"] = service.ClientSecret,
        });
        Assert.Equal("/api/v2/oauth/token", service.TokenUrl.AbsolutePath);
        using var tokenResponse = await http.PostAsync(service.TokenUrl, form);
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        Assert.Equal(1, token.RootElement.GetProperty("expires_in").GetInt32());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());

        using var fresh = await http.GetAsync(new Uri(service.BaseUrl, "v1/account"));
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        using var expired = await http.GetAsync(new Uri(service.BaseUrl, "v1/account"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (fresh.StatusCode, expired.StatusCode));
        Assert.Equal(2, service.ResourceRequests.Count);
    }

    [Fact]
    public async Task The_lookalike_impostor_has_the_real_CA_name_and_key_id_but_fails_the_chain_to_the_real_CA()
    {
        await using var service = await MutualTlsService.StartAsync(basePath: "api/");
        await using var impostor = await ImpostorService.StartAsync(service);
        using var realCa = X509Certificate2.CreateFromPem(service.CaCertificatePem);

        X509Certificate2? presented = null;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            presented = new X509Certificate2(certificate!);
            return false;
        };
        using (var http = new HttpClient(handler))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(impostor.BaseUrl, "v1/account")));
        }

        Assert.NotNull(presented);
        using (presented)
        {
            Assert.Equal(service.CaSubject, impostor.CaSubject);
            Assert.NotEqual(service.CaThumbprint, impostor.CaThumbprint);
            Assert.Equal(service.CaSubject, presented.Issuer);                 // a name check is fooled
            Assert.Equal(service.BaseUrl.AbsolutePath, impostor.BaseUrl.AbsolutePath);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.Add(realCa);
            Assert.False(chain.Build(presented));                              // a chain check is not
        }

        Assert.Empty(impostor.Requests);
    }

    private static HttpClient Client(string token)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
