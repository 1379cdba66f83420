namespace Invoicing.Documents.Pdf;

/// <summary>A colour as 0–255 red, green and blue, written as PDF DeviceRGB.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb Black = new(0, 0, 0);
}
