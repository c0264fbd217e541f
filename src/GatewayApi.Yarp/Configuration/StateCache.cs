using System.Collections.Concurrent;

namespace GatewayApi.Yarp;

/// <summary>Values derived from one <see cref="GatewayApiProxyState"/>, computed on first use; they live and die with the state.</summary>
internal sealed class StateCache
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _values = new();

    public T GetOrAdd<T>(object key, Func<T> create)
        where T : class =>
        (T)_values.GetOrAdd(key, _ => new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
