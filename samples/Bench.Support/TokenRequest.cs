namespace MicroPrompt.Bench.Support;

/// <summary>One call of the OAuth2 token endpoint.</summary>
/// <param name="ClientAuthentication"><c>basic</c> (client_secret_basic: credentials in the Authorization header),
/// <c>post</c> (client_secret_post: <c>client_id</c>/<c>client_secret</c> form fields), <c>both</c> (refused) or <c>none</c>.</param>
/// <param name="GrantType">The <c>grant_type</c> form field, or null.</param>
/// <param name="Scope">The <c>scope</c> form field, or null.</param>
/// <param name="Granted">Whether a token was issued.</param>
public sealed record TokenRequest(string ClientAuthentication, string? GrantType, string? Scope, bool Granted);
