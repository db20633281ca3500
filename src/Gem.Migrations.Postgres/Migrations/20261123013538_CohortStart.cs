using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CohortStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCohortStart",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsCohortStart",
                table: "Sessions");
        }
    }
}
