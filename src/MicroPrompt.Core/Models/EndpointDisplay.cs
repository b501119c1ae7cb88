namespace MicroPrompt.Models;

/// <summary>
/// An endpoint as messages show it: scheme, host, port and path only. User info (<c>user:secret@</c>) and the query
/// string (<c>?key=…</c>) may hold secrets, so no diagnostic, log line or report prints them.
/// </summary>
public static class EndpointDisplay
{
    private const int MaxShown = 60;

    /// <summary>An absolute URL without user info, query and fragment; "(relative URL)" for a relative one.</summary>
    public static string Of(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            return "(relative URL)";
        }

        // Other schemes (ftp) may keep a query inside the path; cut the text as given instead.
        return endpoint.Scheme is "http" or "https"
            ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : Redact(endpoint.OriginalString);
    }

    /// <summary>
    /// Raw text as given (perhaps not a URL at all) with anything that could be user info or a query cut out, shortened
    /// to 60 characters: <c>https://user:secret@host/v1?key=secret</c> becomes <c>https://host/v1</c>.
    /// </summary>
    public static string Redact(string? text)
    {
        var value = (text ?? "").Trim();
        var cut = value.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            value = value[..cut];
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme < 0 ? 0 : scheme + 3;
        var authorityEnd = value.IndexOf('/', authorityStart);
        var authority = authorityEnd < 0 ? value[authorityStart..] : value[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            value = value[..authorityStart] + authority[(at + 1)..] + (authorityEnd < 0 ? "" : value[authorityEnd..]);
        }

        return value.Length > MaxShown ? value[..MaxShown] + "…" : value;
    }
}
