using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I16Learning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CharterVersion",
                table: "Partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LearningCharters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCharters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningCharters_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningWorkshops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Challenge = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Aim = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningWorkshops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningWorkshops_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningCharterSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CharterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignerRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Commitments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StopsDoing = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RenewalReminderOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCharterSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningCharterSignatures_LearningCharters_CharterId",
                        column: x => x.CharterId,
                        principalTable: "LearningCharters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningCharterSignatures_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningExperiments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Prediction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OutcomeMeasure = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessMeasure = table.Column<int>(type: "INTEGER", nullable: true),
                    BalancingMeasure = table.Column<int>(type: "INTEGER", nullable: true),
                    Sector = table.Column<int>(type: "INTEGER", nullable: true),
                    Interval = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChangeFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningExperiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningExperiments_LearningWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "LearningWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningMeetings_LearningWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "LearningWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PhaseOut = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningProposals_LearningWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "LearningWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningWorkshopMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningWorkshopMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningWorkshopMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningWorkshopMembers_LearningWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "LearningWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningCharters_RegionId_Version",
                table: "LearningCharters",
                columns: new[] { "RegionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningCharterSignatures_CharterId",
                table: "LearningCharterSignatures",
                column: "CharterId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningCharterSignatures_PartnerId_CharterId",
                table: "LearningCharterSignatures",
                columns: new[] { "PartnerId", "CharterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningExperiments_WorkshopId",
                table: "LearningExperiments",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningMeetings_WorkshopId_Start",
                table: "LearningMeetings",
                columns: new[] { "WorkshopId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningProposals_WorkshopId",
                table: "LearningProposals",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningWorkshopMembers_UserId",
                table: "LearningWorkshopMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningWorkshopMembers_WorkshopId_UserId",
                table: "LearningWorkshopMembers",
                columns: new[] { "WorkshopId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningWorkshops_RegionId_Challenge",
                table: "LearningWorkshops",
                columns: new[] { "RegionId", "Challenge" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningCharterSignatures");

            migrationBuilder.DropTable(
                name: "LearningExperiments");

            migrationBuilder.DropTable(
                name: "LearningMeetings");

            migrationBuilder.DropTable(
                name: "LearningProposals");

            migrationBuilder.DropTable(
                name: "LearningWorkshopMembers");

            migrationBuilder.DropTable(
                name: "LearningCharters");

            migrationBuilder.DropTable(
                name: "LearningWorkshops");

            migrationBuilder.DropColumn(
                name: "CharterVersion",
                table: "Partners");
        }
    }
}
