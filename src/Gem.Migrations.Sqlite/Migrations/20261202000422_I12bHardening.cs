using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I12bHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemoHistoryRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoHistoryRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_ActorUserId_At",
                table: "AccessLog",
                columns: new[] { "ActorUserId", "At" });

            // INSERT OR REPLACE / REPLACE INTO / ON CONFLICT would delete or update an existing record without firing the
            // delete trigger (recursive_triggers is off): refuse any insert that reuses an existing id (decision 401).
            migrationBuilder.Sql("CREATE TRIGGER \"AccessLog_no_replace\" BEFORE INSERT ON \"AccessLog\" WHEN EXISTS (SELECT 1 FROM \"AccessLog\" WHERE \"Id\" = NEW.\"Id\") BEGIN SELECT RAISE(ABORT, 'AccessLog is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessLog_no_replace\";");

            migrationBuilder.DropTable(
                name: "DemoHistoryRuns");

            migrationBuilder.DropIndex(
                name: "IX_AccessLog_ActorUserId_At",
                table: "AccessLog");
        }
    }
}
