using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I20bCommunityAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommunityPosts_ThreadId_CreatedAt",
                table: "CommunityPosts");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPosts_ThreadId_CreatedAt_Id_Status_AuthorMemberId",
                table: "CommunityPosts",
                columns: new[] { "ThreadId", "CreatedAt", "Id", "Status", "AuthorMemberId" });

            // Search (decision 904) on a stored Dutch text-search vector instead of an expression index. With the
            // expression index the planner had no statistics for the words (a GIN index's own statistics are of its keys,
            // not of a tsvector), so it guessed 0.5% matches for every word and walked all posts newest first,
            // running to_tsvector on each: a rare word or a miss read every post. A real tsvector column has word
            // statistics, and filtering on it never re-parses a post. Not in the EF model: only PostgreSQL has it.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_CommunityPosts_Fts\";");
            migrationBuilder.Sql("ALTER TABLE \"CommunityPosts\" ADD COLUMN \"SearchVector\" tsvector GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, \"Body\")) STORED;");
            migrationBuilder.Sql("CREATE INDEX \"IX_CommunityPosts_SearchVector\" ON \"CommunityPosts\" USING GIN (\"SearchVector\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"CommunityPosts\" DROP COLUMN IF EXISTS \"SearchVector\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_CommunityPosts_Fts\" ON \"CommunityPosts\" USING GIN (to_tsvector('dutch'::regconfig, \"Body\"));");

            migrationBuilder.DropIndex(
                name: "IX_CommunityPosts_ThreadId_CreatedAt_Id_Status_AuthorMemberId",
                table: "CommunityPosts");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPosts_ThreadId_CreatedAt",
                table: "CommunityPosts",
                columns: new[] { "ThreadId", "CreatedAt" });
        }
    }
}
