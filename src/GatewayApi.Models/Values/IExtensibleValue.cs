using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A string value from a set that Kubernetes may extend (protocols, match types, condition reasons, ...).
/// Implementations are <c>readonly record struct</c>s that wrap the wire string, expose the values this
/// version of the API defines as static members, and carry any other value unchanged, so an object written
/// by a newer API version reads and writes back intact instead of failing.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
public interface IExtensibleValue<TSelf> : IYamlConvertible
    where TSelf : struct, IExtensibleValue<TSelf>
{
    /// <summary>The wire value, exactly as written.</summary>
    string Value { get; }

    /// <summary>Whether <see cref="Value"/> is one of <see cref="KnownValues"/>.</summary>
    bool IsKnown { get; }

    /// <summary>Wraps a wire value, known or not.</summary>
    /// <param name="value">The wire string.</param>
    static abstract TSelf Create(string value);

    /// <summary>The values defined by Gateway API v1.6.1 for this type.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>
    /// Lets YamlDotNet serializers (KubernetesClient's <c>KubernetesYaml</c> among them) read the value from a
    /// scalar. YamlDotNet calls this on a boxed default value, so the box is overwritten in place.
    /// </summary>
    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
        => Unsafe.Unbox<TSelf>(this) = TSelf.Create(parser.Consume<Scalar>().Value);

    /// <summary>Lets YamlDotNet serializers write the value as one quoted scalar rather than a mapping of its properties.</summary>
    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer)
        => emitter.Emit(new Scalar(null, null, Value ?? string.Empty, ScalarStyle.DoubleQuoted, false, true));
}
