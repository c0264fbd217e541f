using GatewayApi.Models;

namespace GatewayApi.Routing.Filters;

/// <summary>One filter of a rule or backendRef, compiled: the settings the decision needs, nothing else.</summary>
internal abstract record CompiledFilter(string Type, FilterStage Stage, int Index);

/// <summary>RequestHeaderModifier or ResponseHeaderModifier (§4.1).</summary>
internal sealed record HeaderModifierFilter(string Type, FilterStage Stage, int Index, bool Response, HeaderModification[] Changes)
    : CompiledFilter(Type, Stage, Index);

/// <summary>The path part of a redirect or rewrite (§4.3).</summary>
internal sealed record PathModifier(string Type, string Value)
{
    public bool IsFullPath => Type == HttpPathModifierType.ReplaceFullPath.Value;

    public bool IsPrefix => Type == HttpPathModifierType.ReplacePrefixMatch.Value;
}

/// <summary>RequestRedirect (§4.2).</summary>
internal sealed record RedirectFilter(FilterStage Stage, int Index, string? Scheme, string? Hostname, int? Port, int StatusCode, PathModifier? Path)
    : CompiledFilter(HttpRouteFilterType.RequestRedirect.Value, Stage, Index);

/// <summary>URLRewrite (§4.3).</summary>
internal sealed record UrlRewriteFilter(FilterStage Stage, int Index, string? Hostname, PathModifier? Path)
    : CompiledFilter(HttpRouteFilterType.UrlRewrite.Value, Stage, Index);

/// <summary>RequestMirror (§4.4); an unusable mirror backend drops the mirror.</summary>
internal sealed record MirrorFilter(FilterStage Stage, int Index, RoutedBackend Backend, int Numerator, int Denominator, bool Usable)
    : CompiledFilter(HttpRouteFilterType.RequestMirror.Value, Stage, Index);

/// <summary>CORS (§4.5).</summary>
internal sealed record CorsFilter(FilterStage Stage, int Index, CorsPolicy Policy)
    : CompiledFilter(HttpRouteFilterType.Cors.Value, Stage, Index);

/// <summary>ExtensionRef (§4.7); an unresolvable one answers 500 (R9).</summary>
internal sealed record ExtensionRefFilter(FilterStage Stage, int Index, FilterReference Reference, bool Resolvable)
    : CompiledFilter(HttpRouteFilterType.ExtensionRef.Value, Stage, Index);

/// <summary>ExternalAuth (§4.6); surfaced to the proxy, an unusable auth backend fails closed (500).</summary>
internal sealed record ExternalAuthFilterStep(FilterStage Stage, int Index, HttpExternalAuthFilter Settings, RoutedBackend Backend, bool Resolvable)
    : CompiledFilter(HttpRouteFilterType.ExternalAuth.Value, Stage, Index);

/// <summary>A filter that cannot be applied (unknown type, or settings missing for its type): requests through it get 500.</summary>
internal sealed record InvalidFilter(string Type, FilterStage Stage, int Index, string Problem)
    : CompiledFilter(Type, Stage, Index);
