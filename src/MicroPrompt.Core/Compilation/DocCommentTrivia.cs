using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MicroPrompt.Compilation;

/// <summary>
/// Rewrites trivia before <c>NormalizeWhitespace</c>: XML doc comments become plain comment lines (so normalizing does
/// not reformat their XML, e.g. <c>name="x"</c> into <c>name = "x"</c>); optionally every other comment, directive and
/// disabled text is dropped.
/// </summary>
internal sealed class DocCommentTrivia(bool dropOtherComments) : CSharpSyntaxRewriter(visitIntoStructuredTrivia: false)
{
    public override SyntaxToken VisitToken(SyntaxToken token) =>
        token.WithLeadingTrivia(Rewrite(token.LeadingTrivia)).WithTrailingTrivia(Rewrite(token.TrailingTrivia));

    private SyntaxTriviaList Rewrite(SyntaxTriviaList list)
    {
        if (!list.Any(t => t.HasStructure || t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            return list;
        }

        var result = new List<SyntaxTrivia>();
        foreach (var trivia in list)
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                // The trivia spans its lines from the first '///' up to and including the last line break.
                var lines = trivia.ToFullString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
                foreach (var line in lines)
                {
                    result.Add(SyntaxFactory.Comment(line));
                    result.Add(SyntaxFactory.EndOfLine("\n"));
                }
            }
            else if (trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                result.Add(SyntaxFactory.Comment(trivia.ToFullString().Trim()));
                result.Add(SyntaxFactory.EndOfLine("\n"));
            }
            else if (!dropOtherComments
                || !(trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)
                    || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                    || trivia.IsKind(SyntaxKind.DisabledTextTrivia)
                    || trivia.IsDirective))
            {
                result.Add(trivia);
            }
        }

        return SyntaxFactory.TriviaList(result);
    }
}
