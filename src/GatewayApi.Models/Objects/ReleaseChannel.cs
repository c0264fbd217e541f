namespace GatewayApi.Models;

/// <summary>
/// The Gateway API release channel whose CRDs are installed in a cluster. The experimental channel is a
/// superset of the standard one: more fields, wider enumerations and a few stricter patterns and rules.
/// </summary>
public enum ReleaseChannel
{
    /// <summary>The standard channel (<c>config/crd/standard</c>): only GA and beta fields and kinds.</summary>
    Standard,

    /// <summary>The experimental channel (<c>config/crd/experimental</c>): every standard field plus experimental fields and kinds.</summary>
    Experimental,
}
