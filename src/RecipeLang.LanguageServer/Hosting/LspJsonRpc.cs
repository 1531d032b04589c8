using System.Text.Json;
using RecipeLang.LanguageServer.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// StreamJsonRpc answers params that fail to deserialize with a generic invocation error (-32000); LSP clients
/// expect InvalidParams (-32602) for that, so the client can tell its own mistake from a server failure.
/// </summary>
public sealed class LspJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is JsonException)
            {
                return new JsonRpcError.ErrorDetail
                {
                    Code = (JsonRpcErrorCode)ErrorCodes.InvalidParams,
                    Message = $"Invalid params for {request.Method}: {cause.Message}",
                };
            }
        }
        return base.CreateErrorDetails(request, exception);
    }
}
