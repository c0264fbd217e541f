namespace GatewayApi.Conformance.Features;

/// <summary>The release channel a feature name belongs to upstream (used for information only, never to decide whether a case runs).</summary>
public enum FeatureChannel
{
    /// <summary>The standard channel (beta and GA fields and kinds).</summary>
    Standard,

    /// <summary>The experimental channel.</summary>
    Experimental,
}
