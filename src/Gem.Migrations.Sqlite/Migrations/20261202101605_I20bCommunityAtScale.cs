using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
