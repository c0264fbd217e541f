using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation;

/// <summary>
/// The structural defaults the API server applies to a Gateway API object (validation digest §5): every absent
/// field that has a schema <c>default</c> gets a copy of it, top-down, only inside objects that exist, never over
/// a present value. A rule without matches gets the <c>PathPrefix /</c> match, a header match type <c>Exact</c>,
/// a backend weight 1, a listener <c>allowedRoutes</c> from <c>Same</c>, a Gateway its Pending status, ...
/// </summary>
public static class GatewayApiDefaults
{
    /// <summary>
    /// Returns a defaulted copy of the object, of the same type (a model, an <see cref="UnknownObject"/>, or
    /// JSON). Only fields of the channel's schema are defaulted (an experimental-only field is left alone for
    /// the standard channel); unknown fields are kept. Applying it twice gives the same result. An object
    /// whose kind and version the channel does not serve is returned as it is.
    /// </summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="obj">The object; it is not modified.</param>
    /// <param name="channel">The release channel whose CRDs define the defaults.</param>
    public static T ApplyDefaults<T>(T obj, ReleaseChannel channel)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        var json = ObjectJson.ToJsonObject(obj, nameof(obj), keepValues: true);
        var schema = GatewayApiValidator.ResolveKind(json, channel, []);
        if (schema is null)
        {
            return obj;
        }

        Structural.PruneAndDefault(json, schema.Root, new FieldPathBuilder(), warnings: null, prune: false);
        return (T)ObjectJson.FromJsonObject(json, obj);
    }
}
