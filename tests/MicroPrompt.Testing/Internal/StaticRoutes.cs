using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MicroPrompt.Testing.Internal;

/// <summary>The non-chat routes clients may call (model lists, version, liveness); they never consume a scripted reply.</summary>
internal static class StaticRoutes
{
    public static Task WriteAsync(HttpContext context, RecordedRequest request, IReadOnlyList<string> models)
    {
        var path = request.Path.TrimEnd('/');
        var isGet = string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase);
        var created = DateTimeOffset.UtcNow;

        if (isGet && (Is(path, "/v1/models") || Is(path, "/openai/v1/models") || Is(path, "/openai/models")))
        {
            var data = new JsonArray(models.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m,
                ["object"] = "model",
                ["created"] = created.ToUnixTimeSeconds(),
                ["owned_by"] = "scripted",
            }).ToArray());
            return Json(context, request, 200, new JsonObject { ["object"] = "list", ["data"] = data });
        }

        if (isGet && Is(path, "/api/tags"))
        {
            var list = new JsonArray(models.Select(m => (JsonNode)new JsonObject
            {
                ["name"] = m,
                ["model"] = m,
                ["modified_at"] = created.ToString("O"),
                ["size"] = 1,
                ["digest"] = "0000000000000000000000000000000000000000000000000000000000000000",
            }).ToArray());
            return Json(context, request, 200, new JsonObject { ["models"] = list });
        }

        if (isGet && Is(path, "/api/version"))
        {
            return Json(context, request, 200, new JsonObject { ["version"] = "0.12.0" });
        }

        if (isGet && path.Length == 0)
        {
            return ReplyWriter.WriteBodyAsync(context, request, 200, "text/plain; charset=utf-8", "Ollama is running", context.RequestAborted);
        }

        return ReplyWriter.WriteErrorAsync(context, request, 404, $"ScriptedModelServer: no route for {request.Method} {request.Path}.", context.RequestAborted);
    }

    private static bool Is(string path, string expected) => string.Equals(path, expected, StringComparison.OrdinalIgnoreCase);

    private static Task Json(HttpContext context, RecordedRequest request, int status, JsonObject body)
        => ReplyWriter.WriteBodyAsync(context, request, status, "application/json", body.ToJsonString(), context.RequestAborted);
}
