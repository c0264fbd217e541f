using System.Collections.Concurrent;
using GatewayApi.Conformance.Targets;

namespace GatewayApi.Conformance.Http.Echo;

/// <summary>
/// What the echo backends were asked to do and what they received, by the request id the target puts on every
/// request (<see cref="RequestIdHeader"/>). Mirrored copies carry the same id, so the copies of one request are
/// the receipts of its id other than the one that answered.
/// </summary>
internal sealed class EchoLedger
{
    /// <summary>The header carrying the target's request id.</summary>
    public const string RequestIdHeader = "x-conformance-request-id";

    /// <summary>The header an echo backend puts on its answer: the receipt of what it received.</summary>
    public const string ReceiptHeader = "x-conformance-echo-receipt";

    private readonly ConcurrentDictionary<string, EchoInstructions> _instructions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(long Receipt, EchoedRequest Request)>> _received = new(StringComparer.Ordinal);
    private long _nextReceipt;

    public void Expect(string requestId, EchoInstructions instructions) => _instructions[requestId] = instructions;

    public EchoInstructions? InstructionsFor(string requestId) => _instructions.GetValueOrDefault(requestId);

    public long Record(string requestId, EchoedRequest request)
    {
        var receipt = Interlocked.Increment(ref _nextReceipt);
        _received.GetOrAdd(requestId, _ => new()).Enqueue((receipt, request));
        return receipt;
    }

    public IReadOnlyList<(long Receipt, EchoedRequest Request)> ReceivedFor(string requestId) =>
        _received.TryGetValue(requestId, out var queue) ? [.. queue] : [];

    public void Forget(string requestId)
    {
        _instructions.TryRemove(requestId, out _);
        _received.TryRemove(requestId, out _);
    }
}

/// <summary>How an echo backend answers one request: extra response headers, and a delay before answering.</summary>
internal sealed record EchoInstructions(IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders, TimeSpan? Delay);
