using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MicroPrompt.Bench.Support;

/// <summary>What the mock services demand of a request beyond its credentials: where it goes and how its body is labelled.</summary>
internal static class RequestRules
{
    /// <summary>
    /// The path as the client sent it (percent-escapes intact), split into decoded segments below <paramref name="basePath"/>;
    /// null when the request is not under the base path. <c>%2F</c> stays inside its segment, a literal <c>/</c> splits.
    /// </summary>
    public static IReadOnlyList<string>? Segments(HttpContext context, string basePath)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw : raw[..query];
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        return path[basePath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
    }

    /// <summary>A JSON body must be labelled <c>application/json</c> (charset, when given, UTF-8): anything else is 415.</summary>
    public static bool IsJsonBody(HttpContext context)
        => MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
           && string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
           && (type.CharSet is null || string.Equals(type.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>An <c>Accept</c> header, when sent, must allow <c>application/json</c> (RFC 9110 §12.5.1): anything else is 406.</summary>
    public static bool AcceptsJson(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return true;
        }

        foreach (var part in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MediaTypeWithQualityHeaderValue.TryParse(part, out var range)
                && range.Quality is not 0
                && range.MediaType?.ToLowerInvariant() is "application/json" or "application/*" or "*/*")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>/</c>, or the given path with one leading and one trailing slash (<c>api/v2</c> → <c>/api/v2/</c>).</summary>
    public static string NormalizeBasePath(string? basePath)
    {
        var trimmed = (basePath ?? "").Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }
}
