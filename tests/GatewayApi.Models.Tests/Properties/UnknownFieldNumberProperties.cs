using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GatewayApi.Models.Tests.Properties.Generators;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>
/// Numbers in unknown fields keep their exact JSON form. Kept apart from the per-kind properties, which use
/// ordinary numbers only, so that a problem with unusual number forms is reported here alone instead of
/// failing every kind.
/// </summary>
public class UnknownFieldNumberProperties
{
    /// <summary>
    /// Valid JSON numbers in unusual forms: negative zero, exponents, values beyond a double's range or below
    /// its precision, integers beyond 64 bits, many digits.
    /// </summary>
    private static readonly string[] UnusualNumbers =
    [
        "-0", "-0.0", "0e0", "1E+2", "0.000", "1e-400", "4.9e-324", "1.7976931348623157e308", "1e400", "-1e400",
        "18446744073709551616", "-9223372036854775809", "123456789012345678901234567890", "100000000000000000000.5",
    ];

    private static readonly Gen<ReferenceGrant> GrantWithUnusualNumbers =
        from number in Gen.Elements(UnusualNumbers)
        from wrapping in Gen.Elements("{0}", "[{0}]", "{{\"nested\":{0}}}")
        from name in Gen.Elements("futureNumber", "x-vendor", "80")
        select new ReferenceGrant
        {
            Metadata = new() { Name = "numbers" },
            Spec = new ReferenceGrantSpec
            {
                ExtensionData = new Dictionary<string, JsonElement>
                {
                    [name] = Any.ParseElement(string.Format(CultureInfo.InvariantCulture, wrapping, number)),
                },
            },
        };

    [Property(MaxTest = PropertySettings.Cases, Replay = PropertySettings.Seed, QuietOnSuccess = true)]
    public Property UnknownFieldNumbers_SurviveJsonRoundTrip()
        => Prop.ForAll(Arb.From(GrantWithUnusualNumbers, JsonShrinker.Shrink), RoundTrip.AssertJson);

    [Property(
        MaxTest = PropertySettings.Cases,
        Replay = PropertySettings.Seed,
        QuietOnSuccess = true)]
    public Property UnknownFieldNumbers_SurviveYamlRoundTrip()
        => Prop.ForAll(Arb.From(GrantWithUnusualNumbers, JsonShrinker.Shrink), RoundTrip.AssertYaml);
}
