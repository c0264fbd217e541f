using System.Text.Json;
using System.Text.Json.Nodes;

namespace GatewayApi.Models.Validation;

/// <summary>
/// Reads numbers from <see cref="JsonValue"/>s whatever backs them: a parsed <see cref="JsonElement"/> or a .NET
/// primitive put there by code (<c>JsonValue.Create(80)</c> holds an <see cref="int"/>, which
/// <c>TryGetValue&lt;long&gt;</c> does not convert).
/// </summary>
internal static class JsonValues
{
    /// <summary>The value as a 64-bit integer when it is a JSON number with no fractional part.</summary>
    public static bool TryGetInteger(JsonValue value, out long result)
    {
        result = 0;
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue(out long int64))
        {
            result = int64;
            return true;
        }

        if (value.TryGetValue(out int int32))
        {
            result = int32;
            return true;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            if (element.TryGetInt64(out result))
            {
                return true;
            }

            return element.TryGetDouble(out var number) && IsIntegral(number, out result);
        }

        if (value.TryGetValue(out short int16) || value.TryGetValue(out sbyte int8) || value.TryGetValue(out byte uint8) || value.TryGetValue(out ushort uint16))
        {
            result = Convert.ToInt64(value.GetValue<object>(), System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        if (value.TryGetValue(out uint uint32))
        {
            result = uint32;
            return true;
        }

        if (value.TryGetValue(out ulong uint64) && uint64 <= long.MaxValue)
        {
            result = (long)uint64;
            return true;
        }

        if (value.TryGetValue(out decimal money) && money == decimal.Truncate(money) && money >= long.MinValue && money <= long.MaxValue)
        {
            result = (long)money;
            return true;
        }

        return (value.TryGetValue(out double real) && IsIntegral(real, out result))
            || (value.TryGetValue(out float single) && IsIntegral(single, out result));
    }

    // JSON numbers such as 1.0 are integers to the OpenAPI "integer" type check (go-openapi accepts integral floats).
    private static bool IsIntegral(double number, out long result)
    {
        result = 0;
        if (double.IsFinite(number) && number == Math.Floor(number) && number >= -9.2e18 && number <= 9.2e18)
        {
            result = (long)number;
            return true;
        }

        return false;
    }
}
