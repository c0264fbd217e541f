namespace GatewayApi.Cli.Commands;

/// <summary>How results are written: readable tables, or a documented YAML/JSON schema for machines.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned tables and sentences (the default).</summary>
    Text,

    /// <summary>YAML, the same document as <see cref="Json"/>.</summary>
    Yaml,

    /// <summary>JSON.</summary>
    Json,
}
