namespace Invoicing.Tests.Kernel;

public sealed class IdTextTests
{
    [Theory]
    [InlineData("region-mitt ", "has a space or line break at its start or end; an id is taken as given, never trimmed.", "har ett mellanslag eller en radbrytning först eller sist; ett id tas som det är, det trimmas aldrig.")]
    [InlineData("\nregion-mitt", "has a space or line break at its start or end; an id is taken as given, never trimmed.", "har ett mellanslag eller en radbrytning först eller sist; ett id tas som det är, det trimmas aldrig.")]
    [InlineData("region\u202E-mitt", "has a control or direction character (U+202E) at position 7.", "har ett styr- eller riktningstecken (U+202E) på position 7.")]
    public void What_is_hidden_in_an_id_is_named_alike_in_english_and_swedish(string value, string english, string swedish)
    {
        Assert.Equal(english, IdText.Problem(value));
        Assert.Equal(swedish, IdText.SwedishProblem(value));
    }

    [Theory]
    [InlineData("region-mitt")]
    [InlineData("")]
    [InlineData(null)]
    public void An_id_with_nothing_hidden_has_no_problem_in_either_language(string? value)
    {
        Assert.Null(IdText.Problem(value));
        Assert.Null(IdText.SwedishProblem(value));
    }
}
