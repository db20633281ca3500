using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I21ArchiveAndCancel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ArchivedAt",
                table: "Offers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offers_UpdatedAt",
                table: "Offers",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Offers_UpdatedAt",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Offers");
        }
    }
}
